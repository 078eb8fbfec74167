package coop.ledger.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * A refusal as problem+json written straight to the servlet response, for refusals made before a request reaches
 * Spring MVC: by the security filters, the body-size filter and the servlet container. Inside Spring MVC,
 * {@link ProblemHandling} answers with {@link Refusal#toProblemDetail()} instead.
 */
public final class ProblemJson {

    // Only texts, numbers and lists of texts go into a refusal written here: no configuration needed.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    /** The problem+json text of {@code refusal}; {@code instance} (the request's path) may be null. */
    public static String of(Refusal refusal, String instance) {
        return JSON.writeValueAsString(refusal.toProblemMembers(instance));
    }

    /** Answers the request with {@code refusal}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        response.setStatus(refusal.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(refusal.toProblemMembers(request.getRequestURI())));
    }
}
