package coop.ledger.party;

import coop.ledger.importing.ImportRow;
import coop.ledger.importing.RowHandler;
import coop.ledger.importing.RowWriter;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Imports party rows (the body of {@code POST /api/parties}). */
@Component
class PartyImport implements RowHandler {

    private final PartyController parties;

    PartyImport(PartyController parties) {
        this.parties = parties;
    }

    @Override
    public Map<String, String> kinds() {
        return Map.of("party", "");
    }

    @Override
    public void record(ImportRow row, RowWriter writer) {
        writer.wrote(parties.register(writer.read(PartyRequests.Register.class), writer.context("register")).getBody());
    }
}
