package coop.ledger.dashboard;

import coop.ledger.shared.sheet.Columns;
import coop.ledger.shared.sheet.SheetLayout;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics as spreadsheets: one row per group in the order of the JSON answer, then the total row (合计),
 * which counts a record once even where it belongs to several groups.
 */
final class StatsSheets {

    private StatsSheets() {
    }

    static <G> List<G> withTotal(List<G> groups, G total) {
        List<G> rows = new ArrayList<>(groups);
        rows.add(total);
        return rows;
    }

    @Component
    static class ProjectStatsSheet extends SheetLayout<ProjectStats, ProjectGroup> {
        ProjectStatsSheet() {
            super(stats -> "stats-projects-by-" + stats.groupBy(), stats -> withTotal(stats.groups(), stats.total()),
                    Columns.of(ProjectGroup.class)
                            .text("分组", "Group", ProjectGroup::key)
                            .label("名称", "Name", ProjectGroup::label)
                            .number("项目数", "Projects", ProjectGroup::projects)
                            .number("记录数", "Records", ProjectGroup::records)
                            .amount("协议投资", "Agreed investment", ProjectGroup::agreedInvestment)
                            .amount("实际投资", "Actual investment", ProjectGroup::actualInvestment)
                            .number("意向项目数", "Intention projects", ProjectGroup::intentionProjects)
                            .amount("意向协议投资", "Intention agreed investment", ProjectGroup::intentionAgreedInvestment)
                            .number("已取消项目数", "Cancelled projects", g -> g.cancelled().projects())
                            .amount("已取消协议投资", "Cancelled agreed investment",
                                    g -> g.cancelled().agreedInvestment()));
        }
    }

    @Component
    static class AgreementStatsSheet extends SheetLayout<AgreementStats, AgreementGroup> {
        AgreementStatsSheet() {
            super(stats -> "stats-agreements-by-" + stats.groupBy(), stats -> withTotal(stats.groups(), stats.total()),
                    Columns.of(AgreementGroup.class)
                            .text("分组", "Group", AgreementGroup::key)
                            .label("名称", "Name", AgreementGroup::label)
                            .number("协议数", "Agreements", AgreementGroup::agreements)
                            .number("生效中", "In force", AgreementGroup::inForce)
                            .number("已结束", "Ended", AgreementGroup::ended)
                            .number("合作清单合计", "Cooperation items", g -> g.items().total())
                            .number("合作清单完成", "Cooperation items completed", g -> g.items().completed())
                            .number("完成率", "Completion rate", g -> g.items().completionRate())
                            .amount("支付合计", "Payments total", AgreementGroup::paymentsTotal));
        }
    }

    @Component
    static class ProgrammeStatsSheet extends SheetLayout<ProgrammeStats, ProgrammeGroup> {
        ProgrammeStatsSheet() {
            super(stats -> "stats-programmes-by-" + stats.groupBy(), stats -> withTotal(stats.groups(), stats.total()),
                    Columns.of(ProgrammeGroup.class)
                            .text("分组", "Group", ProgrammeGroup::key)
                            .label("名称", "Name", ProgrammeGroup::label)
                            .number("计划", "Planned", ProgrammeGroup::planned)
                            .number("清单外新增", "Added later", ProgrammeGroup::addedLater)
                            .number("合计", "Total", ProgrammeGroup::total)
                            .number("完成", "Completed", ProgrammeGroup::completed)
                            .number("撤回", "Withdrawn", ProgrammeGroup::withdrawn)
                            .number("未完成", "Open", ProgrammeGroup::open)
                            .number("完成率", "Completion rate", ProgrammeGroup::completionRate));
        }
    }
}
