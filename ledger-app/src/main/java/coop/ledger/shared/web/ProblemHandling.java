package coop.ledger.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every exception of a request as RFC 9457 problem+json, as {@link Refusals} classifies it: a stable
 * {@code type}, a human {@code detail}, and the offending field or rule. Nothing is recorded on any of them.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    /** For the few answers built by hand rather than from a refusal. */
    public static final String TYPE_PREFIX = Refusal.TYPE_PREFIX;

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> refuse(Exception e) {
        Refusal refusal = Refusals.classify(e);
        if (refusal.unexpected()) {
            log.error("Unexpected failure while handling a request", e);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status());
        if (refusal.status().value() == 503) {
            log.warn("The store could not take a write just now ({}); answered 503 to retry", e.toString());
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS); // nothing was recorded: try again soon
        }
        return answer.body(refusal.toProblemDetail());
    }

    /** How long a client waits before it sends a write the busy store could not take. */
    static final String RETRY_AFTER_SECONDS = "1";

    /**
     * Spring MVC's own exceptions (wrong method or media type, a body or parameter that cannot be read, ...) arrive
     * here with the status, headers ({@code Allow}, {@code Accept}) and words Spring chose for them.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse spring) {
            spring.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        Refusal refusal = Refusals.classify(ex);
        if (refusal.unexpected() && body instanceof ProblemDetail said) {
            // an exception that does not carry Spring's answer itself (a parameter of the wrong type, ...)
            refusal = Refusals.classify(new ErrorResponseException(status, said, ex));
        }
        return super.handleExceptionInternal(ex, refusal.toProblemDetail(), headers, refusal.status(), request);
    }
}
