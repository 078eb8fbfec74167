package coop.ledger.programme;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowWriter;
import coop.ledger.shared.web.WriteContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Imports public-service programmes and their items, with the progress an item row reports (completed, or
 * withdrawn). Each row holds the fields of the matching REST request body.
 */
@Component
class ProgrammeImport implements RowHandler {

    private static final String PARENT = "programmeId";

    private final ProgrammeController programmes;

    ProgrammeImport(ProgrammeController programmes) {
        this.programmes = programmes;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("programme", "", "programme-item", PARENT);
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        if (row.kind().equals("programme")) {
            writer.wrote(programmes.declare(writer.read(ProgrammeRequests.Declare.class), writer.context("declare"))
                    .getBody());
            return;
        }
        String programmeId = writer.parentId(PARENT);
        ProgrammeRequests.ListItem listing = writer.read(ProgrammeRequests.ListItem.class,
                PARENT, "completedOn", "evidence", "withdrawnOn", "reason");
        WriteContext listContext = writer.context("list");
        String itemId = listing.itemId() != null ? listing.itemId() : listContext.newRecordId();
        writer.wrote(programmes.listItem(programmeId, listing, listContext).getBody());
        if (row.has("completedOn")) {
            writer.wrote(programmes.completeItem(programmeId, itemId,
                    writer.read(writer.only("completedOn", "evidence"), ProgrammeRequests.CompleteItem.class),
                    writer.context("complete")).getBody());
        }
        if (row.has("withdrawnOn")) {
            writer.wrote(programmes.withdrawItem(programmeId, itemId,
                    writer.read(writer.only("withdrawnOn", "reason"), ProgrammeRequests.WithdrawItem.class),
                    writer.context("withdraw")).getBody());
        }
    }
}
