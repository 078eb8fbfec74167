package coop.ledger.programme;

import coop.ledger.shared.query.Page;
import coop.ledger.shared.sheet.Columns;
import coop.ledger.shared.sheet.SheetLayout;
import org.springframework.stereotype.Component;

/** The list of public-service programmes as a spreadsheet: the dashboard table's columns, plus the id. */
@Component
class ProgrammeSheet extends SheetLayout<Page<ProgrammeItem>, ProgrammeItem> {

    ProgrammeSheet() {
        super(page -> "programmes", Page::items, Columns.of(ProgrammeItem.class)
                .text("编号", "ID", ProgrammeItem::id)
                .text("名称", "Name", ProgrammeItem::name)
                .text("期间", "Period", ProgrammeItem::period)
                .parties("参与方", "Participants", ProgrammeItem::participants)
                .date("发布日期", "Declared on", ProgrammeItem::declaredOn)
                .number("计划", "Planned", p -> p.items().planned())
                .number("清单外新增", "Added later", p -> p.items().addedLater())
                .number("完成", "Completed", p -> p.items().completed())
                .number("完成率", "Completion rate", p -> p.items().completionRate()));
    }
}
