package coop.ledger.agreement;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowWriter;
import coop.ledger.shared.web.WriteContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Imports agreements and their children: cooperation-list items (with their progress, if the row gives it),
 * payments and parties joining later. Each row holds the fields of the matching REST request body.
 */
@Component
class AgreementImport implements RowHandler {

    private static final String PARENT = "agreementId";
    private static final String[] ITEM_PROGRESS = {"startedOn", "completedOn", "evidence", "droppedOn", "reason"};

    private final AgreementController agreements;

    AgreementImport(AgreementController agreements) {
        this.agreements = agreements;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("agreement", "", "agreement-item", PARENT, "agreement-payment", PARENT,
                "agreement-join", PARENT);
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        switch (row.kind()) {
            case "agreement" -> writer.wrote(agreements.sign(writer.read(AgreementRequests.Sign.class),
                    writer.context("sign")).getBody());
            case "agreement-item" -> recordItem(row, writer);
            case "agreement-payment" -> writer.wrote(agreements.recordPayment(writer.parentId(PARENT),
                    writer.read(AgreementRequests.Payment.class, PARENT), writer.context("payment")).getBody());
            case "agreement-join" -> writer.wrote(agreements.join(writer.parentId(PARENT),
                    writer.read(AgreementRequests.Join.class, PARENT), writer.context("join")).getBody());
            default -> throw new IllegalArgumentException("not an agreement row: " + row.kind());
        }
    }

    /** Lists the item, then records the progress the row reports: started, then completed or dropped. */
    private void recordItem(ImportRow row, RowWriter writer) {
        String agreementId = writer.parentId(PARENT);
        String[] excluded = new String[ITEM_PROGRESS.length + 1];
        excluded[0] = PARENT;
        System.arraycopy(ITEM_PROGRESS, 0, excluded, 1, ITEM_PROGRESS.length);
        AgreementRequests.ListItem listing = writer.read(AgreementRequests.ListItem.class, excluded);
        WriteContext listContext = writer.context("list");
        String itemId = listing.itemId() != null ? listing.itemId() : listContext.newRecordId();
        writer.wrote(agreements.listItem(agreementId, listing, listContext).getBody());
        if (row.has("startedOn")) {
            writer.wrote(agreements.startItem(agreementId, itemId,
                    writer.read(writer.only("startedOn"), AgreementRequests.StartItem.class),
                    writer.context("start")).getBody());
        }
        if (row.has("completedOn")) {
            writer.wrote(agreements.completeItem(agreementId, itemId,
                    writer.read(writer.only("completedOn", "evidence"), AgreementRequests.CompleteItem.class),
                    writer.context("complete")).getBody());
        }
        if (row.has("droppedOn")) {
            writer.wrote(agreements.dropItem(agreementId, itemId,
                    writer.read(writer.only("droppedOn", "reason"), AgreementRequests.DropItem.class),
                    writer.context("drop")).getBody());
        }
    }
}
