package coop.ledger.party;

import coop.ledger.shared.query.Page;
import coop.ledger.shared.sheet.Columns;
import coop.ledger.shared.sheet.SheetLayout;
import org.springframework.stereotype.Component;

/** The list of parties as a spreadsheet, with the dashboard table's columns. */
@Component
class PartySheet extends SheetLayout<Page<PartyItem>, PartyItem> {

    PartySheet() {
        super(page -> "parties", Page::items, Columns.of(PartyItem.class)
                .text("代码", "Code", PartyItem::code)
                .text("中文名称", "Chinese name", PartyItem::nameZh)
                .text("英文名称", "English name", PartyItem::nameEn)
                .label("类型", "Kind", PartyItem::kind)
                .party("上级", "Government", PartyItem::parent)
                .date("成立日期", "Established on", PartyItem::establishedOn));
    }
}
