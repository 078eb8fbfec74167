package coop.ledger.shared.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a read whose query names a parameter its endpoint does not take: a misspelt filter
 * ({@code statuss=CANCELLED}) or a parameter of another endpoint ({@code /api/audit/summary?at=…}) would otherwise
 * be ignored silently and answer figures the client did not ask for. The parameters an endpoint takes are the
 * {@code @RequestParam}s of its handler method, read once per method. Only {@code GET} and {@code HEAD} of the
 * ledger's own controllers are checked: a write's parameters are its body.
 */
class UnknownParameterInterceptor implements HandlerInterceptor {

    /** Sent by browsers and Spring Security forms, never a filter. */
    private static final Set<String> ALWAYS_ALLOWED = Set.of("_csrf");

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isRead(request)
                || !method.getBeanType().getPackageName().startsWith("coop.ledger")) {
            return true;
        }
        Set<String> takes = accepted.computeIfAbsent(method.getMethod(), m -> parametersOf(method));
        if (takes == null) {
            return true;
        }
        Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
        unknown.removeAll(takes);
        unknown.removeAll(ALWAYS_ALLOWED);
        if (!unknown.isEmpty()) {
            throw new UnknownParameterException(unknown, takes);
        }
        return true;
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    /** The names of the method's {@code @RequestParam}s; null (take anything) when one of them is a map of all. */
    private Set<String> parametersOf(HandlerMethod method) {
        Set<String> takes = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return null;
            }
            parameter.initParameterNameDiscovery(names);
            takes.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
        }
        return takes;
    }
}
