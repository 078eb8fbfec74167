package coop.ledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What sort of body a party (参与方) is. */
public enum PartyKind implements Labelled {
    GOVERNMENT("政府", "government"),
    DEPARTMENT("部门", "department"),
    STATE_OWNED_ENTERPRISE("国有企业", "state-owned enterprise"),
    PRIVATE_ENTERPRISE("民营企业", "private enterprise"),
    ALLIANCE("联盟", "alliance"),
    OTHER("其他", "other");

    private final String zh;
    private final String en;

    PartyKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @JsonCreator
    public static PartyKind of(String text) {
        return Labelled.parse(PartyKind.class, text);
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
