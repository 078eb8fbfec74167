package coop.ledger.shared.web;

import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.shared.write.IdempotencyKeyReusedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that says how the ledger refuses: {@link #classify(Throwable)} turns any exception into a
 * {@link Refusal}. The API answers refusals as problem+json ({@link ProblemHandling}, and the security filters and
 * the servlet container through {@link ProblemJson}); the importer reports them per row. 400 for malformed or
 * invalid input, 401 / 403 for a missing login or role, 404 for unknown records, 409 for rule violations and
 * conflicts, 412 for a stale {@code If-Match} version, 413 for bodies over the limit, 415 for a body the ledger cannot decode, 422 for a reused
 * Idempotency-Key, 503 when the store was too busy to take a write; anything unknown is a 500 that records nothing.
 */
public final class Refusals {

    static final String INTERNAL_ERROR = "internal-error";
    private static final String MALFORMED = "malformed-request";
    private static final String INVALID = "invalid-request";
    private static final int MAX_DETAIL = 300;
    private static final String STALE_VERSION = "version.stale";

    private Refusals() {
    }

    /** How the ledger refuses when {@code failure} stops a request or an import row. */
    public static Refusal classify(Throwable failure) {
        Throwable e = failure instanceof CommandExecutionException && failure.getCause() != null
                && !(failure.getCause() instanceof CommandExecutionException) ? failure.getCause() : failure;
        if (e instanceof Refusable refusable) {
            return refusable.refusal();
        }
        // the ledger's rules and records
        if (e instanceof UnknownRecordException unknown) {
            return refusal(HttpStatus.NOT_FOUND, "not-found", "Record not found", unknown.getMessage())
                    .withRule(unknown.rule()).withValues(unknown.values());
        }
        if (e instanceof RuleViolationException violation) {
            return ruleViolation(violation);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return notFound("no record with id " + notFound.getAggregateIdentifier());
        }
        if (e instanceof IncompatibleAggregateException) {
            // ids are unique across the ledger
            return notFound("no record of this kind with that id (the id belongs to a record of another kind)")
                    .withRowReason("the id belongs to a record of another kind");
        }
        if (e instanceof RecordNotFoundException) {
            return notFound(e.getMessage());
        }
        if (e instanceof AggregateStreamCreationException) {
            return refusal(HttpStatus.CONFLICT, "conflict", "Record already exists",
                    "a record with this id already exists; choose another id, or read the existing one")
                    .withRule("record.already-exists")
                    .withRowReason("a record with this id already exists (recorded other than by this file's row)");
        }
        if (e instanceof ConcurrencyException || e instanceof ConflictingModificationException) {
            return refusal(HttpStatus.CONFLICT, "conflict", "Concurrent change",
                    "another write changed this record at the same moment; read it again and retry")
                    .withRule("version.conflict")
                    .withRowReason("another write changed this record at the same moment; import the file again");
        }
        // the request: its headers, body and login
        if (e instanceof IdempotencyKeyReusedException) {
            return refusal(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    e.getMessage()).withError(WriteContextResolver.IDEMPOTENCY_KEY, e.getMessage());
        }
        if (e instanceof InvalidHeaderException invalid) {
            return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request", e.getMessage())
                    .withError(invalid.header(), e.getMessage());
        }
        if (e instanceof InvalidPathVariableException invalid) {
            return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request",
                    invalid.variable() + " in the path " + e.getMessage())
                    .withError(invalid.variable(), e.getMessage());
        }
        if (e instanceof BodyTooLargeException tooLarge) {
            return bodyTooLarge(tooLarge);
        }
        if (e instanceof UnsupportedContentEncodingException) {
            return refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                    "Unsupported Content-Encoding", e.getMessage())
                    .withError(UnsupportedContentEncodingException.HEADER, "must be identity (or left out)");
        }
        if (e instanceof MethodArgumentNotValidException invalid) {
            return invalidFields(invalid);
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (e instanceof AuthenticationException) {
            return Refusal.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "log in: send HTTP Basic credentials of a ledger user");
        }
        if (e instanceof AccessDeniedException) {
            return Refusal.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "your role does not allow this request (or the CSRF token of your browser session is missing)");
        }
        if (e instanceof RequestRejectedException) {
            return Refusal.of(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", "the request path is not "
                    + "acceptable: it contains characters or segments the ledger refuses (such as ..; or an encoded "
                    + "slash)");
        }
        // a query or path parameter Spring could not convert, or a required one left out: named like every other
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            String message = mismatch.getName() + ": must be " + expectedParameter(mismatch.getRequiredType())
                    + ", got \"" + abbreviate(String.valueOf(mismatch.getValue())) + "\"";
            return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request", message)
                    .withError(mismatch.getName(), message);
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            String message = missing.getParameterName() + ": is required";
            return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request", message)
                    .withError(missing.getParameterName(), message);
        }
        // Spring MVC's own refusals (wrong method, media type or accepted type, ...) keep Spring's words
        if (e instanceof ErrorResponse spring) {
            ProblemDetail said = spring.getBody();
            return Refusal.of(spring.getStatusCode(), "http-" + spring.getStatusCode().value(), said.getTitle(),
                    said.getDetail());
        }
        if (e instanceof MultipartException) {
            // a body sent as multipart that is not valid multipart; the API takes JSON anyway
            return refusal(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request",
                    "the multipart request body cannot be read; send the body as application/json")
                    .withError("body", "is not valid multipart");
        }
        // the store was busy or broke off the transaction (a lock wait timed out, a deadlock, a serialization
        // failure): nothing was recorded, and the same request may well succeed a moment later
        if (isTransientStoreFailure(e)) {
            return refusal(HttpStatus.SERVICE_UNAVAILABLE, "store-busy", "Store busy",
                    "the store could not take this write just now; nothing was recorded: send it again (with the "
                            + "same Idempotency-Key, if it had one) after the Retry-After delay")
                    .withRowReason("the store could not take this row just now; nothing was recorded: import the "
                            + "file again");
        }
        // a body that failed while a handler read it itself (imports) is still the client's mistake
        InvalidUtf8Exception notUtf8 = findCause(e, InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return notUtf8(notUtf8);
        }
        // parameters Tomcat could not decode (the query-string check refuses them first; this is the backstop)
        if (findCause(e, org.apache.tomcat.util.http.InvalidParameterException.class) != null) {
            return notUtf8(InvalidUtf8Exception.inQuery("a parameter cannot be decoded"));
        }
        return refusal(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, "Internal error",
                "the ledger could not handle this request; nothing was recorded")
                .withRowReason("the ledger could not record this row (" + e.getClass().getSimpleName()
                        + "); nothing was recorded");
    }

    /**
     * A failure of the store that a retry may not meet: Spring's transient data-access exceptions (lock wait
     * timeouts, deadlocks), H2's lock timeout (SQL state {@code HYT00}, error 50200) and PostgreSQL's serialization
     * failure, deadlock and lock-not-available ({@code 40001}, {@code 40P01}, {@code 55P03}).
     */
    static boolean isTransientStoreFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.springframework.dao.TransientDataAccessException
                    || cause instanceof java.sql.SQLTransientException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && (sql.getErrorCode() == 50200
                    || java.util.Set.of("HYT00", "40001", "40P01", "55P03").contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A request the servlet container refused before the application saw it (an encoded slash or NUL, ...). */
    public static Refusal refusedByContainer(int status) {
        return status == 400
                ? Refusal.of(HttpStatus.BAD_REQUEST, MALFORMED, "Request refused", "the request line or path is not "
                + "acceptable (for example an encoded slash or a NUL character in the path)")
                : Refusal.of(HttpStatusCode.valueOf(status), "http-" + status, "Request refused",
                "the server could not handle this request");
    }

    private static Refusal ruleViolation(RuleViolationException e) {
        if (isInputRule(e.rule())) {
            Object field = e.values().getOrDefault("field", e.values().keySet().stream().findFirst().orElse(null));
            return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request", e.getMessage())
                    .withError(String.valueOf(field), e.getMessage())
                    .withRule(e.rule());
        }
        if (e.rule().equals(STALE_VERSION)) {
            // the If-Match precondition failed: RFC 9110 (section 13.1.1) answers that 412, whatever the record says
            return refusal(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Record version has moved on",
                    e.getMessage()).withRule(e.rule()).withValues(e.values());
        }
        return refusal(HttpStatus.CONFLICT, "rule-violation", "Rule violated: " + e.rule(), e.getMessage())
                .withRule(e.rule()).withValues(e.values());
    }

    /** Rules about the shape of a field are input errors (400), not conflicts with recorded facts (409). */
    private static boolean isInputRule(String rule) {
        return rule.equals("field.required") || rule.endsWith("id-format") || rule.endsWith("code-format");
    }

    private static Refusal notFound(String detail) {
        return refusal(HttpStatus.NOT_FOUND, "not-found", "Record not found", detail);
    }

    private static Refusal invalidFields(MethodArgumentNotValidException e) {
        List<Refusal.FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Refusal.FieldProblem(f.getField(), messageOf(f)))
                .sorted(Comparator.comparing(Refusal.FieldProblem::field))
                .toList();
        String detail = errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ": "
                + String.join("; ", errors.stream().map(f -> f.field() + " " + f.message()).toList());
        return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request", detail).withErrors(errors);
    }

    private static Refusal unreadableBody(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = findCause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        InvalidUtf8Exception notUtf8 = findCause(e, InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return notUtf8(notUtf8);
        }
        JacksonException jackson = findCause(e, JacksonException.class);
        String field = jackson == null ? "body" : pathOf(jackson);
        if (jackson != null && rootCause(jackson) instanceof InvalidTextException invalidText) {
            // well-formed JSON, but a text the ledger does not record: the field is invalid, not the body
            return refusal(HttpStatus.BAD_REQUEST, INVALID, "Invalid request", field + ": " + invalidText.getMessage())
                    .withError(field, invalidText.getMessage())
                    .withRule(invalidText.rule());
        }
        String duplicate = jackson instanceof StreamReadException read ? duplicateKey(read) : null;
        if (duplicate != null) {
            String message = "is given more than once in the same JSON object";
            return refusal(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", duplicate + ": " + message)
                    .withError(duplicate, message);
        }
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
        return refusal(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request",
                ("body".equals(field) ? "" : field + ": ") + message)
                .withError(field, message);
    }

    /**
     * The JSON path of a key the body gives twice in one object (the parser's strict duplicate detection), or null
     * when {@code e} is about something else. The parser stops on the repeated key, so its context names it.
     */
    private static String duplicateKey(StreamReadException e) {
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate Object property")
                || e.processor() == null) {
            return null;
        }
        String path = "";
        for (TokenStreamContext c = e.processor().streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inObject() ? c.currentName() : "[" + c.getCurrentIndex() + "]";
            if (step != null) {
                path = path.isEmpty() ? step : step + (path.startsWith("[") ? "" : ".") + path;
            }
        }
        return path.isEmpty() ? "body" : path;
    }

    private static Refusal bodyTooLarge(BodyTooLargeException e) {
        return refusal(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage());
    }

    private static Refusal notUtf8(InvalidUtf8Exception e) {
        return refusal(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", e.getMessage())
                .withError(e.part(), e.getMessage());
    }

    /** A refusal whose detail is kept to one short line in the answer, and said in full of an import row. */
    private static Refusal refusal(HttpStatus status, String type, String title, String detail) {
        return Refusal.of(status, type, title, abbreviate(detail)).withRowReason(detail);
    }

    /** Names what a query parameter of a Java type must look like. */
    private static String expectedParameter(Class<?> type) {
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an instant with its offset, e.g. 2021-06-01T12:00:00Z or 2021-06-01T20:00:00+08:00";
        }
        return type == null ? "a valid value" : expected(type);
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
