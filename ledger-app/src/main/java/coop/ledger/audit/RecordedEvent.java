package coop.ledger.audit;

import coop.ledger.shared.Correction;
import coop.ledger.shared.LedgerEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as the event store holds it: its payload and everything the store recorded with it, i.e. global
 * position, sequence in the record, identifier, recorded-at instant and metadata (recorder, correlation, cause).
 */
record RecordedEvent(
        long position,
        long sequence,
        String eventId,
        Object payload,
        Instant recordedAt,
        String recordedBy,
        String correlationId,
        String causationId) {

    public String eventType() {
        return payload.getClass().getSimpleName();
    }

    public LocalDate businessDate() {
        return payload instanceof LedgerEvent e ? e.businessDate() : null;
    }

    public Long correctsSequence() {
        return payload instanceof Correction c ? c.correctsSequence() : null;
    }
}
