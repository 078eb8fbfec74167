package coop.ledger.agreement.api;

import coop.ledger.shared.Labelled;

/** Progress of one item (事项) on an agreement's cooperation list (合作清单). */
public enum ItemStatus implements Labelled {
    LISTED("已列入", "listed"),
    STARTED("推进中", "started"),
    COMPLETED("已完成", "completed"),
    DROPPED("已取消", "dropped");

    private final String zh;
    private final String en;

    ItemStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
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
