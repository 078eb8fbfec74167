package coop.ledger.shared.query;

import coop.ledger.shared.RecordDirectory;

import java.util.List;

/** A party named in a record: its code and current Chinese name (null when the party is not registered). */
public record PartyRef(String code, String name) {

    /**
     * The parties of one record, named from the record directory: kept in the events' own transaction, so a record
     * read right after a write names its parties as the write left them.
     */
    public static List<PartyRef> named(RecordDirectory directory, List<String> codes) {
        return codes.stream().map(code -> named(directory, code)).toList();
    }

    public static PartyRef named(RecordDirectory directory, String code) {
        return new PartyRef(code, directory.party(code).map(RecordDirectory.PartyEntry::nameZh).orElse(null));
    }
}
