package coop.ledger.project.api;

import coop.ledger.shared.Labelled;

/**
 * Where a signed project (签约项目) stands: an intention until firmed up, then signed, under construction (已开工)
 * and in operation (建成投用); or cancelled. A cancelled project accepts no changes. Every status but cancelled is
 * {@linkplain #live() live}: the headline figures count live and cancelled projects apart.
 */
public enum ProjectStatus implements Labelled {
    INTENTION("意向", "intention"),
    SIGNED("已签约", "signed"),
    UNDER_CONSTRUCTION("已开工", "under construction"),
    IN_OPERATION("建成投用", "in operation"),
    CANCELLED("已取消", "cancelled");

    private final String zh;
    private final String en;

    ProjectStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /**
     * Whether a project still counts as going ahead (在建在谈, "live"): every status but cancelled. An intention is
     * live: it counts in the headline's signed projects as it always has, and is reported apart as an intention.
     */
    public boolean live() {
        return this != CANCELLED;
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
