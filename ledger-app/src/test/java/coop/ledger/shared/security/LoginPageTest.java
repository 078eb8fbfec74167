package coop.ledger.shared.security;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's own login and logout pages over HTTP (the browser drives them in {@code FrontDoorBrowserTest}):
 * each form carries the session's CSRF token, a form post without it logs nobody in or out, and the failure and
 * logout messages are on the page.
 */
class LoginPageTest extends LedgerHttpTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    @Test
    void the_login_page_is_ours_in_chinese_with_a_csrf_token_and_its_files_are_public() {
        Reply page = page("/login", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.text()).contains("<h2 data-i18n=\"heading\">登录合作台账</h2>", "action=\"/login\"",
                "id=\"lang-toggle\"", "/js/login.js").doesNotContain("Please sign in", "id=\"message\"");
        assertThat(token(page)).hasSizeGreaterThan(20);
        assertThat(session(page)).as("the token lives in the session").isNotNull();
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'");
        for (String file : new String[]{"/login.css", "/dashboard.css", "/js/login.js"}) {
            assertThat(api.get(file).anonymous().send().status()).as(file).isEqualTo(200);
        }
        assertThat(api.get("/js/main.js").anonymous().header("Accept", "text/html").send().status())
                .as("the dashboard's own files stay behind the login").isEqualTo(302);
    }

    @Test
    void the_page_tells_a_wrong_password_and_a_logout_apart() {
        assertThat(page("/login?error", null).text())
                .contains("class=\"message error\"", "data-i18n=\"badCredentials\">用户名或密码错误，请重新输入。");
        assertThat(page("/login?logout", null).text())
                .contains("class=\"message info\"", "data-i18n=\"loggedOut\">您已退出登录。");
    }

    @Test
    void the_form_logs_in_with_the_token_and_a_wrong_password_returns_to_the_page_with_error() {
        Reply wrong = logIn(TestUsers.VIEWER, "not-the-password");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error");

        Reply right = logIn(TestUsers.VIEWER, TestUsers.PASSWORD);
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location")).doesNotContain("/login");
        String session = session(right);
        Reply dashboard = page("/", session);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.text()).contains("<script type=\"module\" src=\"js/main.js\"></script>");
    }

    @Test
    void a_form_post_without_the_token_logs_nobody_in() {
        Reply page = page("/login", null);

        Reply post = form("/login", session(page), "username=" + TestUsers.VIEWER + "&password=" + TestUsers.PASSWORD);

        assertThat(post.status()).isEqualTo(403);
        assertThat(page("/", session(page)).status()).isEqualTo(302);
    }

    @Test
    void logging_out_takes_a_post_with_the_token_and_ends_the_session() {
        String session = session(logIn(TestUsers.VIEWER, TestUsers.PASSWORD));
        Reply confirm = page("/logout", session);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text()).contains("确定要退出合作台账吗？", "method=\"post\" action=\"/logout\"");

        Reply forged = form("/logout", session, "");
        assertThat(forged.status()).as("a logout without the token").isEqualTo(403);
        assertThat(page("/", session).status()).as("still logged in").isEqualTo(200);

        Reply logout = form("/logout", session, "_csrf=" + encode(token(confirm)));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).endsWith("/login?logout");
        assertThat(page("/", session).status()).as("the session has ended").isEqualTo(302);
    }

    private Reply logIn(String user, String password) {
        Reply page = page("/login", null);
        return form("/login", session(page), "username=" + encode(user) + "&password=" + encode(password)
                + "&_csrf=" + encode(token(page)));
    }

    private Reply page(String path, String session) {
        var call = api.get(path).anonymous().header("Accept", "text/html");
        if (session != null) {
            call.header("Cookie", "JSESSIONID=" + session);
        }
        return call.send();
    }

    private Reply form(String path, String session, String body) {
        // a browser's form post: the JSON body Api.post starts with is replaced by the form
        return api.post(path, "").anonymous().header("Accept", "text/html").header("Cookie", "JSESSIONID=" + session)
                .body(body, "application/x-www-form-urlencoded").send();
    }

    private static String token(Reply page) {
        Matcher matcher = TOKEN.matcher(page.text());
        assertThat(matcher.find()).as("a CSRF token in %s", page).isTrue();
        return matcher.group(1);
    }

    private static String session(Reply reply) {
        return reply.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
