package coop.ledger.shared.web;

/**
 * The answer to an accepted write: the record's id and its version after the write. {@code replayed} is true
 * when the answer comes from an earlier request with the same Idempotency-Key and nothing new was recorded.
 */
public record WriteResult(String id, long version, boolean replayed) {
}
