package coop.ledger.shared.security;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's own login and logout pages, in the dashboard's look, Chinese by default with the dashboard's language
 * switch ({@code js/login.js}). They are written by the server rather than served as static files because each
 * carries the session's CSRF token: logging in and out are form posts that a page of another site must not be able
 * to make. Spring Security handles the posts themselves ({@code POST /login}, {@code POST /logout}).
 */
@Controller
@Hidden
class LoginPages {

    private static final String BAD_CREDENTIALS = """
            <p id="message" class="message error" role="alert" data-i18n="badCredentials">用户名或密码错误，请重新输入。</p>""";
    private static final String LOGGED_OUT = """
            <p id="message" class="message info" role="status" data-i18n="loggedOut">您已退出登录。</p>""";

    private final String login = page("pages/login.html");
    private final String logout = page("pages/logout.html");

    /** {@code error}: the last attempt failed; {@code logout}: the user has just logged out (Spring Security's URLs). */
    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(@RequestParam(required = false) String error,
                                 @RequestParam(required = false) String logout, CsrfToken csrf) {
        String message = error != null ? BAD_CREDENTIALS : logout != null ? LOGGED_OUT : "";
        return html(withToken(login, csrf).replace("{{message}}", message));
    }

    /** Asks before logging out: the dashboard's link is a plain GET, and only a form post with the token logs out. */
    @GetMapping(value = "/logout", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> logout(CsrfToken csrf) {
        return html(withToken(logout, csrf));
    }

    private static String withToken(String page, CsrfToken csrf) {
        return page.replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    private static String page(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the page " + path + " is missing from the application", e);
        }
    }
}
