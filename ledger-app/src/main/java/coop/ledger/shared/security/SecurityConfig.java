package coop.ledger.shared.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Who may do what. ADMIN records; AUDITOR and VIEWER read; integrity ({@code /api/audit}: verification, seals,
 * export) is for AUDITOR and ADMIN only, and restoring an export for ADMIN only. API clients use HTTP Basic; browsers log in through the login page and keep a
 * session, whose writes need a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
class SecurityConfig {

    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/login", "/error", "/favicon.ico",
            // what the login page itself loads: the dashboard's look and the language switch
            "/dashboard.css", "/login.css", "/js/login.js"};

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http) throws Exception {
        // the API and the actuator answer problem+json 401/403; only pages redirect to the login form
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/actuator/");
        http.authorizeHttpRequests(authorize -> authorize
                        // The async dispatch of a streaming response (Server-Sent Events of /api/changes) continues a
                        // request that was already authorized; it carries no credentials of its own.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name(),
                                Role.METRICS.name())
                        // History, time travel and integrity are for auditors and administrators; only administrators restore.
                        .requestMatchers(HttpMethod.POST, "/api/audit/restore").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(Role.ADMIN.name(),
                                Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/audit/seals", "/api/audit/rebuild",
                                "/api/audit/verification").hasAnyRole(Role.ADMIN.name(),
                                Role.AUDITOR.name())
                        .requestMatchers("/api/audit/**").hasRole(Role.ADMIN.name())
                        // Import jobs (their reports name the rows of the file) are for those who may import.
                        .requestMatchers("/api/imports", "/api/imports/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name(),
                                Role.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                // our own page (LoginPages); wrong passwords return to /login?error, a logout to /login?logout
                .formLogin(form -> form.loginPage("/login").permitAll())
                .requestCache(cache -> cache.requestCache(browserPagesOnly(api)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .securityContext(context -> context.securityContextRepository(loginsOfRequestThenSession()))
                // A request that carries no session cookie cannot be forged by another site's page.
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::hasNoSession))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized(), api)
                        .defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(), api))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * No observations of the security filters, authentications or authorizations. They were switched off for
     * metrics already ({@code management.observations.enable.spring.security=false}), but Spring Security still
     * wrapped each of its filters and the authentication manager in an observation that was then thrown away: on
     * every request, work for nothing (see docs/http-write-path.md). {@code http.server.requests} is Spring MVC's
     * and stays.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Paths the firewall refuses (such as {@code ..;} or an encoded NUL) get a problem+json 400 like any other bad
     * request, instead of the container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    RequestSizeLimit requestSizeLimit(@Value("${ledger.http.max-body-size:1MB}") DataSize maxBodySize,
                                      @Value("${ledger.import.max-body-size:50MB}") DataSize maxImportSize) {
        return new RequestSizeLimit(maxBodySize.toBytes(), maxImportSize.toBytes());
    }

    /** Before every other filter, so that nothing reads a parameter of a query string that is not UTF-8. */
    @Bean
    FilterRegistrationBean<QueryStringCheck> queryStringCheck() {
        FilterRegistrationBean<QueryStringCheck> registration = new FilterRegistrationBean<>(new QueryStringCheck());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    LedgerUsers ledgerUsers(LedgerSecurityProperties properties, DataSource dataSource, PasswordEncoder encoder) {
        return new LedgerUsers(properties, dataSource, encoder);
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(LedgerUsers users, Clock clock, @Value("${ledger.data-dir}") Path dataDir) {
        return new BootstrapAdmin(users, clock, dataDir);
    }

    /** Creates the first administrator once the database schema exists. */
    static class BootstrapAdmin {
        private final LedgerUsers users;
        private final Clock clock;
        private final Path dataDir;

        BootstrapAdmin(LedgerUsers users, Clock clock, Path dataDir) {
            this.users = users;
            this.clock = clock;
            this.dataDir = dataDir;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            users.bootstrap(clock, dataDir);
        }
    }

    /**
     * Where a login is kept: for the request, then in the browser's session. HTTP Basic keeps its login for the
     * request only (Spring Security's default), and since this repository also looks there, the session management
     * filter sees that the request's login is kept and leaves it. Without it, that filter knew only the session,
     * found no login there and saved each API request's login in a new HTTP session: a session id drawn, a cookie
     * sent, and a session kept 30 minutes for a client that never comes back with it, on every write (see
     * docs/http-write-path.md). Logins through the login page are kept in the session as before.
     */
    private static SecurityContextRepository loginsOfRequestThenSession() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setDisableUrlRewriting(true);
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions);
    }

    /** Remembers a page to return to after login for browsers only; API calls never start a session. */
    private static HttpSessionRequestCache browserPagesOnly(RequestMatcher api) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> !api.matches(request));
        return cache;
    }

    private static boolean hasNoSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null || Arrays.stream(cookies).noneMatch(c -> "JSESSIONID".equals(c.getName()));
    }
}
