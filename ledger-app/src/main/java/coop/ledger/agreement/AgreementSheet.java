package coop.ledger.agreement;

import coop.ledger.shared.query.Page;
import coop.ledger.shared.sheet.Columns;
import coop.ledger.shared.sheet.SheetLayout;
import org.springframework.stereotype.Component;

/** The list of agreements as a spreadsheet: the dashboard table's columns, plus the id and exact yuan. */
@Component
class AgreementSheet extends SheetLayout<Page<AgreementItem>, AgreementItem> {

    AgreementSheet() {
        super(page -> "agreements", Page::items, Columns.of(AgreementItem.class)
                .text("编号", "ID", AgreementItem::id)
                .text("协议名称", "Title", AgreementItem::title)
                .label("类型", "Kind", AgreementItem::kind)
                .label("状态", "Status", AgreementItem::status)
                .date("签约日期", "Signed on", AgreementItem::signedOn)
                .parties("签约方", "Signatories", AgreementItem::signatories)
                .parties("观察员", "Observers", AgreementItem::observers)
                .labels("领域", "Domains", AgreementItem::domains)
                .number("合作清单完成", "Cooperation items completed", a -> a.items().completed())
                .number("合作清单合计", "Cooperation items", a -> a.items().total())
                .amount("支付合计", "Payments total", AgreementItem::paymentsTotal));
    }
}
