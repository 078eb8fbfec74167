package coop.ledger.shared;

/**
 * A correction (更正) of a mis-recorded fact. It cites the event it corrects by that event's sequence number in the
 * record ({@link #correctsSequence()}, 0 for the record's first event), gives the {@link #reason()}, and carries
 * only the values that change (null = unchanged). Nothing is updated or deleted: the corrected event stays in the
 * history, and the folds apply the correction on top of it. Its {@link #businessDate()} is the date of the corrected
 * fact after the correction.
 */
public interface Correction extends LedgerEvent {

    long correctsSequence();

    String reason();
}
