package coop.ledger.shared.security;

import coop.ledger.shared.web.ProblemJson;
import coop.ledger.shared.web.Refusals;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals (no valid login, a role that may not, a path the firewall refuses) as problem+json,
 * like every other refusal of the API: classified by {@link Refusals} and written by {@link ProblemJson}, since
 * they happen in the filters before a request reaches Spring MVC.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Cooperation Ledger\"");
            ProblemJson.write(request, response, Refusals.classify(e));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemJson.write(request, response, Refusals.classify(e));
    }

    static RequestRejectedHandler rejected() {
        return (request, response, e) -> ProblemJson.write(request, response, Refusals.classify(e));
    }
}
