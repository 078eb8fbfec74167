package coop.ledger.agreement.api;

import coop.ledger.shared.Labelled;

/** Whether an agreement still binds its parties. Only an agreement in force accepts changes. */
public enum AgreementStatus implements Labelled {
    IN_FORCE("生效中", "in force"),
    EXPIRED("已到期", "expired"),
    TERMINATED("已终止", "terminated"),
    SUPERSEDED("已被替代", "superseded");

    private final String zh;
    private final String en;

    AgreementStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** Whether the agreement has ended (已结束): expired, terminated or superseded; every status but in force. */
    public boolean ended() {
        return this != IN_FORCE;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
