package coop.ledger.shared.query;

import coop.ledger.shared.web.ProblemHandling;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * A bad filter, sort or paging value of a query endpoint as problem+json: 400 {@code invalid-request} naming the
 * parameter in {@code errors[].field}, like every other invalid input of the API. Ordered before the general
 * handler, which answers any exception it does not know with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblemHandling {

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(URI.create(ProblemHandling.TYPE_PREFIX + "invalid-request"));
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(new ProblemHandling.FieldProblem(e.parameter(), e.getMessage())));
        return p;
    }
}
