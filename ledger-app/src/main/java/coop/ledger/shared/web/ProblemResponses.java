package coop.ledger.shared.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The problem responses of an operation, derived from what its handler can be refused for, so that a new endpoint
 * documents them without a hand edit: every request can be malformed (400, a query string, header or body), needs a
 * login (401) and a role that may do it (403); a path naming a record can name none (404); the body of a write can
 * be too large (413) or of a type or encoding it does not take (415), and a write can find the ledger still starting
 * or its store busy (503, {@link ReadinessGate}); a command (a handler taking {@link WriteContext}) can break a rule
 * of the record (409), find it changed since the {@code If-Match} version (412) and reuse an {@code Idempotency-Key}
 * for another body (422). A handler that
 * can answer a further problem declares it with {@code @ApiResponse}; its declaration is kept and given the problem
 * body. {@code ApiContractTest} provokes each documented status of every operation and checks that nothing else
 * comes back.
 */
public final class ProblemResponses {

    public static final String SCHEMA = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";

    /** What each problem status means for the ledger, and a problem+json example of it. */
    private static final Map<Integer, Problem> PROBLEMS = Map.of(
            400, new Problem("Invalid or malformed request: a query parameter, header, path id or body field is "
                    + "wrong; errors[].field names it. Nothing was recorded.", "invalid-request", "Invalid request",
                    "signedOn: must not be null", List.of(Map.of("field", "signedOn", "message", "must not be null"))),
            401, new Problem("No valid login: send HTTP Basic credentials of a ledger user.", "unauthorized",
                    "Authentication required", "log in: send HTTP Basic credentials of a ledger user", List.of()),
            403, new Problem("Your role does not allow this request (ADMIN records; AUDITOR and VIEWER read).",
                    "forbidden", "Forbidden", "your role does not allow this request", List.of()),
            404, new Problem("No record with the id in the path (or no item, payment or report of it).",
                    "not-found", "Record not found", "no record with id AG-0000", List.of()),
            409, new Problem("Refused by a rule of the record: a record that already exists, or a state that does "
                    + "not allow the change. Nothing was recorded.", "rule-violation",
                    "Rule violated: item.already-completed", "item road-1 is already completed", List.of()),
            412, new Problem("The If-Match version is not the record's current version (rule version.stale): read "
                    + "the record again. Nothing was recorded.", "precondition-failed", "Record version has moved on",
                    "the record is at version 4, not the If-Match version 3; read it again", List.of()),
            413, new Problem("The body is larger than the request size limit.", "body-too-large",
                    "Request body too large", "the request body is larger than 1048576 bytes", List.of()),
            415, new Problem("The body is of a media type the operation does not take, or has a Content-Encoding "
                    + "other than identity.", "unsupported-content-encoding", "Unsupported Content-Encoding",
                    "Content-Encoding gzip is not supported: send the body unencoded", List.of()),
            422, new Problem("The Idempotency-Key was used before for another request body.",
                    "idempotency-key-reused", "Idempotency-Key reused",
                    "Idempotency-Key k-1 was used for another request", List.of()),
            503, new Problem("The ledger is still starting or its store is busy; nothing was recorded. Send the write "
                    + "again after the Retry-After delay.", "store-busy", "Store busy",
                    "the store could not take this write just now; nothing was recorded: retry", List.of()));

    private ProblemResponses() {
    }

    /**
     * The problem statuses a handler can answer: the one rule the document and {@code ApiContractTest} share.
     */
    public static SortedSet<Integer> of(HandlerMethod handler) {
        SortedSet<Integer> statuses = new TreeSet<>(List.of(400, 401, 403));
        MethodParameter[] parameters = handler.getMethodParameters();
        if (Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
            statuses.add(404);
        }
        if (Arrays.stream(parameters).anyMatch(p -> p.getParameterType() == WriteContext.class)) {
            statuses.addAll(List.of(409, 412, 422));
        }
        if (isWrite(handler)) {
            // RequestSizeLimit checks every request body, whoever reads it: its size and its Content-Encoding
            statuses.addAll(List.of(413, 415, 503));
        }
        return statuses;
    }

    /** A handler of anything but GET (and HEAD): {@link ReadinessGate} holds it back until the ledger is ready. */
    static boolean isWrite(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMethod[] methods = mapping == null ? new RequestMethod[0] : mapping.method();
        return Arrays.stream(methods).anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD);
    }

    /** Adds the problem responses of {@code handler} to its operation, keeping the ones it declares itself. */
    static Operation document(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        SortedSet<Integer> statuses = of(handler);
        responses.keySet().stream().filter(code -> code.matches("[45]\\d\\d")).map(Integer::valueOf)
                .forEach(statuses::add);
        for (int status : statuses) {
            ApiResponse response = responses.get(String.valueOf(status));
            if (response == null) {
                response = new ApiResponse();
                responses.addApiResponse(String.valueOf(status), response);
            }
            Problem problem = PROBLEMS.get(status);
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(problem != null ? problem.meaning() : "Refused; see the problem's detail.");
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                    .example(problem != null ? problem.example(status) : null)));
        }
        operation.setResponses(responses);
        return operation;
    }

    /** RFC 9457 problem details as the ledger answers them ({@link Refusal#toProblemDetail()}). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> schema() {
        Schema<?> field = new ObjectSchema()
                .description("One offending input: a JSON path, query parameter or header, and what is wrong with it")
                .addProperty("field", new StringSchema().example("signedOn"))
                .addProperty("message", new StringSchema().example("must not be null"));
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details. type is stable (" + Refusal.TYPE_PREFIX + "…), detail is for "
                        + "people; rule and values say which rule of the ledger refused, errors which inputs.")
                .addProperty("type", new StringSchema().format("uri")
                        .example(Refusal.TYPE_PREFIX + "invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("signedOn: must not be null"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/projects"))
                .addProperty("errors", new ArraySchema().items(field))
                .addProperty("rule", new StringSchema().example("version.stale"))
                .addProperty("values", new ObjectSchema().additionalProperties(true)
                        .description("the values the rule was checked against"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }

    private record Problem(String meaning, String type, String title, String detail, List<Map<String, String>> errors) {

        Map<String, Object> example(int status) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Refusal.TYPE_PREFIX + type);
            example.put("title", title);
            example.put("status", status);
            example.put("detail", detail);
            example.put("instance", "/api/projects/PJ-0001");
            if (!errors.isEmpty()) {
                example.put("errors", errors);
            }
            return example;
        }
    }
}
