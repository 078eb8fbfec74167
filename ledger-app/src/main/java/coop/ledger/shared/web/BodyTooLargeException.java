package coop.ledger.shared.web;

import java.io.IOException;

/**
 * A request body over its size limit, found by its Content-Length or while it was read; answered with 413. Names
 * the limit and the property that sets it ({@code ledger.http.max-body-size} or {@code ledger.import.max-body-size}).
 */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes, String limitProperty) {
        super("the request body is larger than the limit of " + maxBytes + " bytes (" + limitProperty + ")");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
