package coop.ledger.shared.web;

/** A request header is missing or malformed; answered with 400 naming the header. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
