package coop.ledger.dashboard.projection;

import coop.ledger.shared.Labelled;

/** Where an item (事项) of a public-service programme stands. */
public enum ServiceItemStatus implements Labelled {
    OPEN("推进中", "open"),
    COMPLETED("已完成", "completed"),
    WITHDRAWN("已撤回", "withdrawn");

    private final String zh;
    private final String en;

    ServiceItemStatus(String zh, String en) {
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
