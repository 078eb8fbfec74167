package coop.ledger.shared.web;

import coop.ledger.shared.command.IdempotencyKeyReusedException;
import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.UnknownRecordException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.axonframework.eventsourcing.IncompatibleAggregateException;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;


/**
 * Every refusal as RFC 9457 problem+json with a stable {@code type}, a human {@code detail}, and the offending
 * field or rule. 400 for malformed or invalid input, 404 for unknown records, 409 for rule violations and
 * conflicts, 422 for a reused Idempotency-Key. Nothing is recorded on any of them.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:cooperation-ledger:problem:";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    private static final int MAX_DETAIL = 300;

    /** One offending input: a JSON path or header name, and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(UnknownRecordException.class)
    ProblemDetail unknownPart(UnknownRecordException e) {
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, "not-found", "Record not found", e.getMessage());
        p.setProperty("rule", e.rule());
        p.setProperty("values", e.values());
        return p;
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        if (isInputRule(e.rule())) {
            Object field = e.values().getOrDefault("field", e.values().keySet().stream().findFirst().orElse(null));
            ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
            p.setProperty("errors", List.of(new FieldProblem(String.valueOf(field), e.getMessage())));
            p.setProperty("rule", e.rule());
            return p;
        }
        ProblemDetail p = problem(HttpStatus.CONFLICT, "rule-violation", "Rule violated: " + e.rule(), e.getMessage());
        p.setProperty("rule", e.rule());
        p.setProperty("values", e.values());
        return p;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Record not found",
                "no record with id " + e.getAggregateIdentifier());
    }

    /** The id belongs to a record of another kind (ids are unique across the ledger). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail otherKind(IncompatibleAggregateException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Record not found",
                "no record of this kind with that id (the id belongs to a record of another kind)");
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ProblemDetail notFound(RecordNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Record not found", e.getMessage());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Record already exists",
                "a record with this id already exists; choose another id, or read the existing one");
        p.setProperty("rule", "record.already-exists");
        return p;
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Concurrent change",
                "another write changed this record at the same moment; read it again and retry");
        p.setProperty("rule", "version.conflict");
        return p;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage());
        p.setProperty("errors", List.of(new FieldProblem(WriteContextResolver.IDEMPOTENCY_KEY, e.getMessage())));
        return p;
    }

    @ExceptionHandler(InvalidHeaderException.class)
    ProblemDetail invalidHeader(InvalidHeaderException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        p.setProperty("errors", List.of(new FieldProblem(e.header(), e.getMessage())));
        return p;
    }

    /** A body sent as multipart that is not valid multipart; the API takes JSON anyway. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "the multipart request body cannot be read; send the body as application/json");
        p.setProperty("errors", List.of(new FieldProblem("body", "is not valid multipart")));
        return p;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e, WebRequest request) throws Exception {
        if (e.getCause() instanceof Exception cause && !(cause instanceof CommandExecutionException)) {
            return handleUnwrapped(cause, request);
        }
        return unexpected(e);
    }

    private static ProblemDetail notUtf8(InvalidUtf8Exception e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getMessage());
        p.setProperty("errors", List.of(new FieldProblem("body", e.getMessage())));
        return p;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        // A body that failed while a handler read it itself (imports) is still the client's mistake.
        InvalidUtf8Exception notUtf8 = findCause(e, InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return ResponseEntity.badRequest().body(notUtf8(notUtf8));
        }
        log.error("Unexpected failure while handling a request", e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the ledger could not handle this request; nothing was recorded");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messageOf(f)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ": "
                + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = findCause(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    tooLarge.getMessage());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
        }
        InvalidUtf8Exception notUtf8 = findCause(ex, InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return ResponseEntity.badRequest().body(notUtf8(notUtf8));
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        String field = jackson == null ? "body" : pathOf(jackson);
        String message;
        if (jackson instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (jackson != null && rootCause(jackson) instanceof IllegalArgumentException iae) {
            message = iae.getMessage();
        } else if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + expected(mismatch.getTargetType());
        } else if (jackson instanceof StreamReadException) {
            message = "is not valid JSON: " + jackson.getOriginalMessage();
        } else if (jackson != null) {
            message = "cannot be read: " + jackson.getOriginalMessage();
        } else {
            message = "request body is missing or is not JSON";
        }
        message = abbreviate(message);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                ("body".equals(field) ? "" : field + ": ") + message);
        p.setProperty("errors", List.of(new FieldProblem(field, message)));
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail p && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            p.setType(URI.create(TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> handleUnwrapped(Exception cause, WebRequest request) throws Exception {
        if (cause instanceof UnknownRecordException u) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(unknownPart(u));
        }
        if (cause instanceof RuleViolationException r) {
            ProblemDetail p = ruleViolation(r);
            return ResponseEntity.status(p.getStatus()).body(p);
        }
        if (cause instanceof AggregateNotFoundException a) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(a));
        }
        if (cause instanceof IncompatibleAggregateException i) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(otherKind(i));
        }
        if (cause instanceof AggregateStreamCreationException a) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(alreadyExists(a));
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange((RuntimeException) cause));
        }
        return unexpected(cause);
    }

    /** Rules about the shape of a field are input errors (400), not conflicts with recorded facts (409). */
    private static boolean isInputRule(String rule) {
        return rule.equals("field.required") || rule.endsWith("id-format") || rule.endsWith("code-format");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, abbreviate(detail));
        p.setType(URI.create(TYPE_PREFIX + type));
        p.setTitle(title);
        return p;
    }

    /** Names the expected JSON shape of a Java type in words a client understands. */
    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date written yyyy-MM-dd";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a JSON object";
    }

    private static String messageOf(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine;
    }

}
