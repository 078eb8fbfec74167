package coop.ledger.dashboard.projection;

import coop.ledger.shared.Labelled;

/** Where a signed project (签约项目) stands, as the dashboards show it. */
public enum ProjectStatus implements Labelled {
    INTENTION("意向签约", "intention"),
    SIGNED("已签约", "signed"),
    UNDER_CONSTRUCTION("已开工", "under construction"),
    COMPLETED("已建成投用", "completed"),
    CANCELLED("已取消", "cancelled");

    private final String zh;
    private final String en;

    ProjectStatus(String zh, String en) {
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
