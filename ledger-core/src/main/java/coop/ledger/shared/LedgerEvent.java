package coop.ledger.shared;

import java.time.LocalDate;

/**
 * A fact recorded in the ledger. Besides the time it was recorded (kept by the event store), every event says
 * which business date it concerns: the day a thing happened in the world, e.g. a signing date.
 */
public interface LedgerEvent {

    /** The day the fact concerns; may be null only for facts that have no date in the world. */
    LocalDate businessDate();
}
