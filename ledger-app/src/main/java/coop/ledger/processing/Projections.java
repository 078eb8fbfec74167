package coop.ledger.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/** What the projection handlers share: the processing group's name and how an event's place is read. */
public final class Projections {

    /** The processing group, and the pooled streaming processor, that keeps every dashboard table. */
    public static final String PROCESSOR = "projections";

    private Projections() {
    }

    public static Applied applied(long sequence, TrackingToken token, Instant recordedAt) {
        long position = token == null ? -1 : token.position().orElse(-1);
        return Applied.of(sequence, position, recordedAt);
    }

    /** Announces a change, except while a replay rebuilds what dashboards already saw. */
    public static void announce(ChangeCollector changes, ReplayStatus replay, String recordType, String recordId,
                         EventMessage<?> message, Applied at) {
        if (replay == null || !replay.isReplay()) {
            changes.record(new Change(recordType, recordId, message.getPayloadType().getSimpleName(), at.position()));
        }
    }

    /** A later event of a record the projection does not have: the tables are broken, so processing stops. */
    public static IllegalStateException missing(String kind, String id) {
        return new IllegalStateException("projection has no " + kind + " " + id + " for a later event of it");
    }
}
