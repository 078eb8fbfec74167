package coop.ledger.agreement.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import coop.ledger.shared.Labelled;

/** The kind of a cooperation agreement (合作协议), as the sources name them. */
public enum AgreementKind implements Labelled {
    FRAMEWORK("框架协议", "framework agreement"),
    STRATEGIC_COOPERATION("战略合作协议", "strategic cooperation agreement"),
    COOPERATION("合作协议", "cooperation agreement"),
    MEMORANDUM("备忘录", "memorandum"),
    ECOLOGICAL_COMPENSATION("生态补偿协议", "ecological compensation agreement"),
    JOINT_PREVENTION_AND_CONTROL("联防联控协议", "joint prevention and control agreement"),
    WORKING_MECHANISM("工作机制", "working mechanism"),
    OTHER("其他", "other");

    private final String zh;
    private final String en;

    AgreementKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @JsonCreator
    public static AgreementKind of(String text) {
        return Labelled.parse(AgreementKind.class, text);
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
