package coop.ledger.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Writes wait until the ledger is ready: the web server opens its port before the application has finished
 * starting (the seed dataset loading, the processors starting), and until Spring Boot declares it ready
 * ({@code /actuator/health/readiness} UP) a write gets 503 {@code not-ready} with {@code Retry-After}, never a
 * half-started ledger. Reads are served as soon as the port is open.
 */
@Component
class ReadinessGate extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ObjectProvider<ApplicationAvailability> availability;

    /** Without an availability (a web-slice test has none), the ledger counts as ready. */
    ReadinessGate(ObjectProvider<ApplicationAvailability> availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApplicationAvailability known = availability.getIfAvailable();
        if (known != null && known.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemHandling.RETRY_AFTER_SECONDS);
            ProblemJson.write(request, response, Refusal.of(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
                    "Not ready", "the ledger is still starting; nothing was recorded: send the write again after "
                            + "the Retry-After delay"));
            return;
        }
        chain.doFilter(request, response);
    }
}
