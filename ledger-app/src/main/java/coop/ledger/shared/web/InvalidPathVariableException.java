package coop.ledger.shared.web;

/** An id or code in the request's path that no record can have; answered with 400 naming the path variable. */
class InvalidPathVariableException extends RuntimeException {

    private final String variable;

    InvalidPathVariableException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    String variable() {
        return variable;
    }
}
