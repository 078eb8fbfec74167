package coop.ledger.dashboard.page;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web dashboard's files over HTTP (the page itself runs in {@link DashboardBrowserTest}): served to any login
 * from the application and its webjar, as scripts the browser may run as modules under the CSP, and kept from
 * anonymous visitors, who are sent to the login page.
 */
class DashboardPageTest extends LedgerHttpTest {

    @Test
    void a_viewer_gets_the_dashboard_page_at_the_root() {
        Reply page = api.get("/").as(TestUsers.VIEWER).header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
                .doesNotContainPattern("<script>(?s).+?</script>");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    @Test
    void the_charting_library_is_served_from_its_webjar() {
        Reply echarts = api.get("/webjars/echarts/5.3.1/dist/echarts.min.js").as(TestUsers.VIEWER).send();

        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.contentType()).contains("javascript");
        assertThat(echarts.text()).contains("echarts");
    }

    @Test
    void the_page_scripts_and_styles_are_served_with_types_a_browser_accepts_under_nosniff() {
        for (String script : new String[]{"main", "i18n", "api", "cards", "charts", "tables", "detail", "live",
                "parties"}) {
            Reply reply = api.get("/js/" + script + ".js").as(TestUsers.VIEWER).send();
            assertThat(reply.status()).as(script).isEqualTo(200);
            assertThat(reply.contentType()).as(script).contains("javascript");
        }
        assertThat(api.get("/dashboard.css").as(TestUsers.VIEWER).send().contentType()).startsWith("text/css");
    }

    @Test
    void an_anonymous_browser_is_sent_to_the_login_page() {
        Reply page = api.get("/").anonymous().header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(api.get("/login").anonymous().header("Accept", "text/html").send().status()).isEqualTo(200);
    }
}
