package coop.ledger.party;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowWriter;
import coop.ledger.shared.write.CommandSender;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Imports party rows (the body of {@code POST /api/parties}), mapped to the command as the endpoint maps it. */
@Component
class PartyImport implements RowHandler {

    private final CommandSender commands;

    PartyImport(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("party", "");
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        PartyRequests.Register registration = writer.read(PartyRequests.Register.class);
        writer.wrote(commands.send(registration.code(), registration.toCommand(), writer.context("register")));
    }
}
