package coop.ledger.shared.query;



/** A party named in a record: its code and current Chinese name (null when the party is not registered). */
public record PartyRef(String code, String name) {
}
