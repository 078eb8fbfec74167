package coop.ledger.shared;

/**
 * A record (aggregate) that holds the very state its readers fold from its events, nothing trimmed. A reader may
 * therefore start from a snapshot of the record and fold only the events recorded after it.
 *
 * @param <S> the state record, e.g. {@code AgreementState}
 */
public interface FoldedState<S> {

    /** The fold of every event the record has applied so far. */
    S foldedState();
}
