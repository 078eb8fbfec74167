package coop.ledger.shared.query;

import coop.ledger.shared.web.Refusable;
import coop.ledger.shared.web.Refusal;
import org.springframework.http.HttpStatus;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A query names parameters its endpoint does not take; answered with 400 {@code invalid-request} naming each one in
 * {@code errors[].field}, in the shape of every other invalid parameter ({@link InvalidParameterException}).
 */
class UnknownParameterException extends RuntimeException implements Refusable {

    private final SortedSet<String> unknown;

    UnknownParameterException(Set<String> unknown, Set<String> accepted) {
        super(String.join(", ", new TreeSet<>(unknown)) + ": unknown parameter" + (unknown.size() == 1 ? "" : "s")
                + "; this endpoint takes " + (accepted.isEmpty() ? "no parameters" : new TreeSet<>(accepted)));
        this.unknown = new TreeSet<>(unknown);
    }

    @Override
    public Refusal refusal() {
        return Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", getMessage())
                .withErrors(unknown.stream().map(name -> new Refusal.FieldProblem(name, getMessage())).toList());
    }
}
