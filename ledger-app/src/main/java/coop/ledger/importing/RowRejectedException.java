package coop.ledger.importing;

/** A row cannot be recorded because a field is malformed or invalid; names the field. */
public class RowRejectedException extends RuntimeException {

    private final String field;

    public RowRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
