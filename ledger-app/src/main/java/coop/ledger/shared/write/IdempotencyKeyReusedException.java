package coop.ledger.shared.write;

/** The Idempotency-Key was already used for a different request; answered with 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request");
    }
}
