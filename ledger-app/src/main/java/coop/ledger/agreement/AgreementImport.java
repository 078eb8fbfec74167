package coop.ledger.agreement;

import coop.ledger.agreement.api.ListCooperationItemCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowWriter;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Imports agreements and their children: cooperation-list items (with their progress, if the row gives it),
 * payments and parties joining later. Each row holds the fields of the matching REST request body and is mapped
 * to its command as the endpoint maps that body.
 */
@Component
class AgreementImport implements RowHandler {

    private static final String PARENT = "agreementId";
    private static final String[] ITEM_PROGRESS = {"startedOn", "completedOn", "evidence", "droppedOn", "reason"};

    private final CommandSender commands;

    AgreementImport(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("agreement", "", "agreement-item", PARENT, "agreement-payment", PARENT,
                "agreement-join", PARENT);
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        switch (row.kind()) {
            case "agreement" -> sign(writer);
            case "agreement-item" -> recordItem(row, writer);
            case "agreement-payment" -> {
                String agreementId = writer.parentId(PARENT);
                AgreementRequests.Payment payment = writer.read(AgreementRequests.Payment.class, PARENT);
                WriteContext context = writer.context("payment");
                writer.wrote(commands.send(agreementId, payment.toCommand(agreementId, context), context));
            }
            case "agreement-join" -> {
                String agreementId = writer.parentId(PARENT);
                AgreementRequests.Join join = writer.read(AgreementRequests.Join.class, PARENT);
                WriteContext context = writer.context("join");
                writer.wrote(commands.send(agreementId, join.toCommand(agreementId, context), context));
            }
            default -> throw new IllegalArgumentException("not an agreement row: " + row.kind());
        }
    }

    private void sign(RowWriter writer) {
        AgreementRequests.Sign body = writer.read(AgreementRequests.Sign.class);
        WriteContext context = writer.context("sign");
        SignAgreementCommand signing = body.toCommand(context);
        writer.wrote(commands.send(signing.agreementId(), signing, context));
    }

    /** Lists the item, then records the progress the row reports: started, then completed or dropped. */
    private void recordItem(ImportRow row, RowWriter writer) {
        String agreementId = writer.parentId(PARENT);
        String[] excluded = new String[ITEM_PROGRESS.length + 1];
        excluded[0] = PARENT;
        System.arraycopy(ITEM_PROGRESS, 0, excluded, 1, ITEM_PROGRESS.length);
        AgreementRequests.ListItem body = writer.read(AgreementRequests.ListItem.class, excluded);
        WriteContext listContext = writer.context("list");
        ListCooperationItemCommand listing = body.toCommand(agreementId, listContext);
        writer.wrote(commands.send(agreementId, listing, listContext));
        String itemId = listing.itemId();
        if (row.has("startedOn")) {
            AgreementRequests.StartItem start = writer.read(writer.only("startedOn"), AgreementRequests.StartItem.class);
            WriteContext context = writer.context("start");
            writer.wrote(commands.send(agreementId, start.toCommand(agreementId, itemId, context), context));
        }
        if (row.has("completedOn")) {
            AgreementRequests.CompleteItem completion = writer.read(writer.only("completedOn", "evidence"),
                    AgreementRequests.CompleteItem.class);
            WriteContext context = writer.context("complete");
            writer.wrote(commands.send(agreementId, completion.toCommand(agreementId, itemId, context), context));
        }
        if (row.has("droppedOn")) {
            AgreementRequests.DropItem drop = writer.read(writer.only("droppedOn", "reason"),
                    AgreementRequests.DropItem.class);
            WriteContext context = writer.context("drop");
            writer.wrote(commands.send(agreementId, drop.toCommand(agreementId, itemId, context), context));
        }
    }
}
