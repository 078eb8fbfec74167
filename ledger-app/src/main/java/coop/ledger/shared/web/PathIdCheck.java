package coop.ledger.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * The ids and codes of a request's path (every path variable of the API is one) are refused with 400 naming the
 * variable when they begin or end with a blank, or hold a character {@link StrictText} refuses in a body. Without
 * it, {@code /api/parties/%20wanzhou} would be looked up as a record that cannot exist, and answered as if the
 * record were missing or a rule refused it.
 */
class PathIdCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    static void check(String variable, String id) {
        if (!id.isEmpty() && (isBlank(id.charAt(0)) || isBlank(id.charAt(id.length() - 1)))) {
            throw new InvalidPathVariableException(variable, "must not begin or end with a space");
        }
        try {
            StrictText.check(id, false);
        } catch (InvalidTextException invalid) {
            throw new InvalidPathVariableException(variable, invalid.getMessage());
        }
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
