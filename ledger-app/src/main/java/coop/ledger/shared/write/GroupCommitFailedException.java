package coop.ledger.shared.write;

import org.springframework.dao.TransientDataAccessException;

/**
 * The commit of a group of commands failed, so none of them was recorded (the database rolled the whole transaction
 * back). Every caller of the group gets this instead of an acknowledgement; it is a transient store failure, which
 * the API answers as {@code 503 store-busy} with {@code Retry-After}: the same request (with the same
 * Idempotency-Key, if it had one) may be sent again.
 */
public class GroupCommitFailedException extends TransientDataAccessException {

    GroupCommitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
