package coop.ledger.shared.web;

/** A field of the request is invalid in a way the annotations cannot say; answered with 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
