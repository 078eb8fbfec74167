package coop.ledger.agreement.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import coop.ledger.shared.Labelled;

/** How a party takes part in an agreement: bound by it (签约方) or watching it (观察员). */
public enum ParticipantRole implements Labelled {
    SIGNATORY("签约方", "signatory"),
    OBSERVER("观察员", "observer");

    private final String zh;
    private final String en;

    ParticipantRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @JsonCreator
    public static ParticipantRole of(String text) {
        return Labelled.parse(ParticipantRole.class, text);
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
