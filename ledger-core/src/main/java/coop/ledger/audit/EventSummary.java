package coop.ledger.audit;

/** One line, in Chinese and English, saying what an event recorded, for auditors who do not read payloads. */
public record EventSummary(String zh, String en) {
}
