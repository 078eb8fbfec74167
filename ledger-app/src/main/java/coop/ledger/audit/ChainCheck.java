package coop.ledger.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Follows every record's chain of events in global-position order: each event must carry its own hash, its content
 * must still give that hash, its sequence number must be the next of its record, and it must link to the hash of
 * the record's previous event (the first to {@link EventHash#GENESIS}). Used by the verifier and by restore.
 */
final class ChainCheck {

    private record Head(long sequence, String hash) {
    }

    private final Map<String, Head> heads = new HashMap<>();
    private long lastPosition = Long.MIN_VALUE;

    /** Checks {@code event} against the chain so far and, when it fits, makes it the head of its record. */
    VerificationReport.Broken accept(StoredEvent event) {
        if (event.position() <= lastPosition) {
            return problem(event, "out-of-order", "position " + event.position() + " does not follow position "
                    + lastPosition);
        }
        lastPosition = event.position();
        if (event.hash() == null || event.previousHash() == null) {
            return problem(event, "missing-hash", "the event carries no hash or no link to its predecessor");
        }
        String computed = event.computedHash();
        if (!computed.equals(event.hash())) {
            return problem(event, "hash-mismatch", "the stored content (payload, metadata, timestamp, ids or types) "
                    + "does not give the stored hash " + event.hash() + " but " + computed);
        }
        Head head = heads.get(event.aggregateId());
        long expectedSequence = head == null ? 0 : head.sequence() + 1;
        if (event.sequence() > expectedSequence) {
            return problem(event, "missing-event", "sequence " + event.sequence() + " follows "
                    + (head == null ? "nothing" : "sequence " + head.sequence()) + ": event " + expectedSequence
                    + " of this record is missing");
        }
        if (event.sequence() < expectedSequence) {
            return problem(event, "extra-event", "sequence " + event.sequence() + " comes after sequence "
                    + head.sequence() + " of the same record");
        }
        String expectedLink = head == null ? EventHash.GENESIS : head.hash();
        if (!expectedLink.equals(event.previousHash())) {
            return problem(event, "broken-link", "the event links to " + event.previousHash()
                    + " but its predecessor's hash is " + expectedLink);
        }
        heads.put(event.aggregateId(), new Head(event.sequence(), event.hash()));
        return null;
    }

    private static VerificationReport.Broken problem(StoredEvent event, String kind, String detail) {
        return new VerificationReport.Broken(event.position(), event.aggregateId(), event.sequence(), event.eventId(), kind, detail);
    }
}
