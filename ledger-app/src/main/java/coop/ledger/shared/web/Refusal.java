package coop.ledger.shared.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the ledger refuses a request or an import row, whatever refused it: the problem {@code type} (the part after
 * {@link #TYPE_PREFIX}), the HTTP status, a {@code title} and a human {@code detail}; what was refused: the
 * {@code rule} and its {@code values}, or the offending inputs ({@code errors}: a JSON path, parameter or header each);
 * and further {@code properties} of the problem. {@link Refusals} makes them; answered as RFC 9457 problem+json by
 * {@link #toProblemDetail()} (in Spring MVC) or {@link #toProblemMembers(String)} (outside it), and reported per row
 * by the importer.
 *
 * <p>{@code rowReason} is what an import report says of a row refused so. It is the detail, unabbreviated, except
 * where a request's advice ("read it again and retry") does not fit a row of a file.
 */
public record Refusal(
        HttpStatusCode status,
        String type,
        String title,
        String detail,
        String rule,
        Map<String, Object> values,
        List<FieldProblem> errors,
        Map<String, Object> properties,
        String rowReason) {

    public static final String TYPE_PREFIX = "urn:cooperation-ledger:problem:";

    /** One offending input: a JSON path, query parameter or header name, and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    public Refusal {
        errors = List.copyOf(errors);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A refusal saying {@code detail} both to a request and of an import row. */
    public static Refusal of(HttpStatusCode status, String type, String title, String detail) {
        return new Refusal(status, type, title, detail, null, null, List.of(), Map.of(), detail);
    }

    public Refusal withRule(String rule) {
        return new Refusal(status, type, title, detail, rule, values, errors, properties, rowReason);
    }

    public Refusal withValues(Map<String, Object> values) {
        return new Refusal(status, type, title, detail, rule, values, errors, properties, rowReason);
    }

    public Refusal withErrors(List<FieldProblem> errors) {
        return new Refusal(status, type, title, detail, rule, values, errors, properties, rowReason);
    }

    public Refusal withError(String field, String message) {
        return withErrors(List.of(new FieldProblem(field, message)));
    }

    public Refusal withProperty(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Refusal(status, type, title, detail, rule, values, errors, more, rowReason);
    }

    public Refusal withRowReason(String reason) {
        return new Refusal(status, type, title, detail, rule, values, errors, properties, reason);
    }

    /** True when nothing the client did explains the refusal: the ledger failed (500), and should say so in its log. */
    public boolean unexpected() {
        return Refusals.INTERNAL_ERROR.equals(type);
    }

    /** As Spring MVC answers it; Spring adds the {@code instance} (the request's path). */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        extensions().forEach(problem::setProperty);
        return problem;
    }

    /** The members of the problem+json object, in order, for answers written outside Spring MVC. */
    public Map<String, Object> toProblemMembers(String instance) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", TYPE_PREFIX + type);
        members.put("title", title);
        members.put("status", status.value());
        members.put("detail", detail);
        if (instance != null) {
            members.put("instance", instance);
        }
        members.putAll(extensions());
        return members;
    }

    /** The members beyond RFC 9457's own: errors, rule, values, then any others. */
    private Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            extensions.put("errors", errors);
        }
        if (rule != null) {
            extensions.put("rule", rule);
        }
        if (values != null) {
            extensions.put("values", values);
        }
        extensions.putAll(properties);
        return extensions;
    }
}
