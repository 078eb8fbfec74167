package coop.ledger.processing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;

/**
 * Where an event sits in the history: its aggregate sequence (what a row compares to know whether it has seen the
 * event), its global position in the event store, and when it was recorded.
 */
public record Applied(long sequence, long position, OffsetDateTime recordedAt) {

    public static Applied of(long sequence, long position, Instant recordedAt) {
        return new Applied(sequence, position, recordedAt.atOffset(ZoneOffset.UTC));
    }
}
