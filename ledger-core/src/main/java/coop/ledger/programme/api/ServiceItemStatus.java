package coop.ledger.programme.api;

import coop.ledger.shared.Labelled;

/** Where one item (事项) of a public-service programme stands. */
public enum ServiceItemStatus implements Labelled {
    OPEN("未完成", "open"),
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
