package coop.ledger.programme;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowWriter;
import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.programme.api.ListServiceItemCommand;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Imports public-service programmes and their items, with the progress an item row reports (completed, or
 * withdrawn). Each row holds the fields of the matching REST request body and is mapped to its command as the
 * endpoint maps that body.
 */
@Component
class ProgrammeImport implements RowHandler {

    private static final String PARENT = "programmeId";

    private final CommandSender commands;

    ProgrammeImport(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("programme", "", "programme-item", PARENT);
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        if (row.kind().equals("programme")) {
            ProgrammeRequests.Declare body = writer.read(ProgrammeRequests.Declare.class);
            WriteContext context = writer.context("declare");
            DeclareProgrammeCommand declaration = body.toCommand(context);
            writer.wrote(commands.send(declaration.programmeId(), declaration, context));
            return;
        }
        String programmeId = writer.parentId(PARENT);
        ProgrammeRequests.ListItem body = writer.read(ProgrammeRequests.ListItem.class,
                PARENT, "completedOn", "evidence", "withdrawnOn", "reason");
        WriteContext listContext = writer.context("list");
        ListServiceItemCommand listing = body.toCommand(programmeId, listContext);
        writer.wrote(commands.send(programmeId, listing, listContext));
        String itemId = listing.itemId();
        if (row.has("completedOn")) {
            ProgrammeRequests.CompleteItem completion = writer.read(writer.only("completedOn", "evidence"),
                    ProgrammeRequests.CompleteItem.class);
            WriteContext context = writer.context("complete");
            writer.wrote(commands.send(programmeId, completion.toCommand(programmeId, itemId, context), context));
        }
        if (row.has("withdrawnOn")) {
            ProgrammeRequests.WithdrawItem withdrawal = writer.read(writer.only("withdrawnOn", "reason"),
                    ProgrammeRequests.WithdrawItem.class);
            WriteContext context = writer.context("withdraw");
            writer.wrote(commands.send(programmeId, withdrawal.toCommand(programmeId, itemId, context), context));
        }
    }
}
