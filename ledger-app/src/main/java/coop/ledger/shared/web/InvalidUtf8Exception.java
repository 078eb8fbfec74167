package coop.ledger.shared.web;

import java.io.IOException;

/**
 * Thrown at the first byte that is not valid UTF-8 of a JSON or CSV request body, or of a query string once its
 * percent escapes are decoded; answered with 400 naming the {@link #part()}.
 */
public class InvalidUtf8Exception extends IOException {

    /** The part of the request that is not UTF-8: {@code body} or {@code query}. */
    private final String part;

    public InvalidUtf8Exception(long offset) {
        this("body", "the request body is not valid UTF-8 (at byte " + offset + ")");
    }

    private InvalidUtf8Exception(String part, String message) {
        super(message);
        this.part = part;
    }

    /** A query string whose percent-decoded bytes are not UTF-8, or whose percent escapes are broken. */
    public static InvalidUtf8Exception inQuery(String problem) {
        return new InvalidUtf8Exception("query", "the query string is not valid UTF-8 once percent-decoded ("
                + problem + ")");
    }

    public String part() {
        return part;
    }
}
