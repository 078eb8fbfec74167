package coop.ledger.shared.query;

import coop.ledger.shared.web.Refusable;
import coop.ledger.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** A query parameter has a value the endpoint cannot use; answered with 400 naming the parameter. */
public class InvalidParameterException extends RuntimeException implements Refusable {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** 400 {@code invalid-request} naming the parameter in {@code errors[].field}, like every other invalid input. */
    @Override
    public Refusal refusal() {
        return Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", getMessage())
                .withError(parameter, getMessage());
    }
}
