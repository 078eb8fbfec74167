package coop.ledger.shared.web;

import java.io.IOException;

/** Thrown while a request body is read, once it passes the size limit; answered with 413. */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("the request body is larger than the limit of " + maxBytes + " bytes (ledger.http.max-body-size)");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
