package coop.ledger.shared.web;

/**
 * A text in a request body or import row that holds a character the ledger does not record ({@link StrictText}).
 * Thrown while Jackson reads the text, which names the field; an {@link IllegalArgumentException}, so that an
 * import row is refused with this message too.
 */
class InvalidTextException extends IllegalArgumentException {

    private final String rule;

    InvalidTextException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
