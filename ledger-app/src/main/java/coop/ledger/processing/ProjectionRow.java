package coop.ledger.processing;

/** A read-model row that remembers the last event applied to it, so a repeated event changes nothing. */
public interface ProjectionRow {

    long lastSequence();

    /** True when the event at {@code applied} (or a later one) is already part of this row. */
    default boolean hasApplied(Applied applied) {
        return applied.sequence() <= lastSequence();
    }
}
