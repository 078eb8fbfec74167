package coop.ledger.project;

import coop.ledger.shared.query.Page;
import coop.ledger.shared.sheet.Columns;
import coop.ledger.shared.sheet.SheetLayout;
import org.springframework.stereotype.Component;

/** The list of signed projects as a spreadsheet: the dashboard table's columns, plus the id and exact yuan. */
@Component
class ProjectSheet extends SheetLayout<Page<ProjectItem>, ProjectItem> {

    ProjectSheet() {
        super(page -> "projects", Page::items, Columns.of(ProjectItem.class)
                .text("编号", "ID", ProjectItem::id)
                .text("名称", "Name", ProjectItem::name)
                .label("状态", "Status", ProjectItem::status)
                .label("领域", "Domain", ProjectItem::domain)
                .parties("东道方", "Hosts", ProjectItem::hostParties)
                .parties("投资方", "Investors", ProjectItem::investors)
                .text("签约活动", "Occasion", ProjectItem::occasion)
                .date("签约日期", "Signed on", ProjectItem::signedOn)
                .number("项目数", "Projects", ProjectItem::projectCount)
                .amount("协议投资", "Agreed investment", ProjectItem::agreedInvestment)
                .amount("总投资", "Total planned investment", ProjectItem::plannedInvestment)
                .amount("实际投资", "Actual investment", ProjectItem::actualInvestment));
    }
}
