package coop.ledger.shared;

import java.util.Optional;

/**
 * A record's own events as the ledger stored them, read back one at a time by sequence number (0 for the record's
 * first event). A correction (更正) may cite any earlier event of its record; the aggregates keep only the latest
 * event of each correctable fact and ask this for any other, so they never hold their whole history.
 */
public interface RecordHistory {

    /** Event {@code sequence} of record {@code recordId}; empty when the record has no such event. */
    Optional<LedgerEvent> event(String recordId, long sequence);
}
