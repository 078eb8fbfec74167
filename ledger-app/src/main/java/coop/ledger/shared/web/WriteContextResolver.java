package coop.ledger.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link WriteContext} once for every controller method that takes one: the logged-in recorder and
 * the checked If-Match and Idempotency-Key headers.
 */
class WriteContextResolver implements HandlerMethodArgumentResolver {

    public static final String IF_MATCH = "If-Match";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"?([0-9]{1,18})\"?$");
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteContext.class;
    }

    @Override
    public WriteContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                        NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return new WriteContext(recordedBy(),
                expectedVersion(request.getHeader(IF_MATCH)),
                idempotencyKey(request.getHeader(IDEMPOTENCY_KEY)));
    }

    /**
     * Who records a write is the authenticated user, never something the client says: a header such as
     * X-Recorded-By is ignored.
     */
    static String recordedBy() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("writes are only reachable by authenticated administrators");
        }
        return authentication.getName();
    }

    static Long expectedVersion(String value) {
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return null;
        }
        Matcher m = VERSION_TAG.matcher(value.strip());
        if (!m.matches()) {
            throw new InvalidHeaderException(IF_MATCH,
                    IF_MATCH + " must carry the record version you expect, e.g. If-Match: \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    static String idempotencyKey(String value) {
        if (value == null) {
            return null;
        }
        if (!KEY.matcher(value).matches()) {
            throw new InvalidHeaderException(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must be 1-200 visible ASCII characters, e.g. a UUID");
        }
        return value;
    }
}
