package coop.ledger.shared.web;

import java.io.IOException;

/** Thrown while a JSON or CSV request body is read, at its first byte that is not valid UTF-8; answered with 400. */
public class InvalidUtf8Exception extends IOException {

    public InvalidUtf8Exception(long offset) {
        super("the request body is not valid UTF-8 (at byte " + offset + ")");
    }
}
