package coop.ledger.processing;

/**
 * What one applied event changed, as the change feed tells dashboards: the kind of record ({@code agreement},
 * {@code project}, {@code programme}, {@code party}), its id, the event's type and its global position.
 */
public record Change(String recordType, String recordId, String eventType, long position) {
}
