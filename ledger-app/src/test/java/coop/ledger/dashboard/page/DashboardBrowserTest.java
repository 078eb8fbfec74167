package coop.ledger.dashboard.page;

import coop.ledger.app.LedgerApplication;
import coop.ledger.testing.Api;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web dashboard in a real headless Chromium, driven through the system's ChromeDriver (never a downloaded
 * one): a viewer logs in, sees the seeded figures, watches a signing recorded by an administrator arrive without
 * a reload, switches to English and drills down into a record. Runs only with {@code -Pbrowser}; saves the
 * screenshot of the README to {@code docs/dashboard.png}.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=./target/test-data/browser-${random.uuid}", "ledger.seed=true",
                "ledger.security.users.ndrc-office.password-hash=" + TestUsers.HASH,
                "ledger.security.users.ndrc-office.roles=ADMIN",
                "ledger.security.users.auditor.password-hash=" + TestUsers.HASH,
                "ledger.security.users.auditor.roles=AUDITOR",
                "ledger.security.users.viewer.password-hash=" + TestUsers.HASH,
                "ledger.security.users.viewer.roles=VIEWER"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The 43 projects of the 2020川渝国企万州行 signing event in the seed dataset. */
    private static final String STATE_ENTERPRISE_EVENT_INVESTMENT = "1153亿元";

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    static {
        LedgerApplication.quietAxon();
    }

    @LocalServerPort
    private int port;

    private Api api;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1440, 2000);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        wait = new WebDriverWait(browser, PATIENCE);
        // A wait may find an element just before the page it belongs to is replaced (the login's redirect): look
        // again rather than fail on the stale reference.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    @Order(1)
    void a_viewer_logs_in_and_sees_the_seeded_figures_in_chinese() throws IOException {
        long seededProjects = waitForSeedProjections();

        logInAs(TestUsers.VIEWER);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("合作台账");
        assertThat(cardValue("projects")).isEqualTo(Long.toString(seededProjects));
        assertThat(cardLabel("projects")).isEqualTo("签约项目");
        assertThat(cardValue("agreed")).endsWith("亿元");
        wait.until(d -> "live".equals(live()));
        assertThat(browser.findElement(By.id("live-text")).getText()).isEqualTo("实时");

        showTab("projects");
        assertThat(tableText()).contains(STATE_ENTERPRISE_EVENT_INVESTMENT).contains("已签约");
        // every chart drew on its canvas
        wait.until(d -> d.findElements(By.cssSelector(".chart canvas")).size() >= 5);

        saveScreenshot();
    }

    @Test
    @Order(2)
    void a_signing_recorded_by_an_administrator_appears_without_a_reload() {
        showTab("agreements");
        long inForce = Long.parseLong(cardValue("agreements"));
        js("window.__notReloaded = true;");

        String title = "浏览器测试：万州区—开州区交通合作协议";
        ObjectNode signing = JsonMapper.builder().build().createObjectNode()
                .put("title", title).put("kind", "COOPERATION")
                .put("signedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString())
                .put("place", "万州");
        signing.putArray("signatories").add("wanzhou").add("kaizhou");
        signing.putArray("domains").add("TRANSPORT");
        Reply reply = api.post("/api/agreements", signing).send();
        assertThat(reply.status()).as("signing: %s", reply).isEqualTo(201);

        wait.until(d -> Long.toString(inForce + 1).equals(cardValue("agreements")));
        wait.until(d -> tableText().contains(title));
        assertThat(js("return window.__notReloaded === true;")).isEqualTo(true);
        assertThat(live()).isEqualTo("live");
    }

    @Test
    @Order(3)
    void switching_to_english_relabels_the_page_and_is_remembered() {
        browser.findElement(By.id("lang-toggle")).click();

        wait.until(d -> "Cooperation Ledger".equals(d.findElement(By.tagName("h1")).getText()));
        assertThat(cardLabel("projects")).isEqualTo("Signed projects");
        assertThat(browser.findElement(By.cssSelector("#tabs [data-tab=agreements]")).getText()).isEqualTo("Agreements");
        assertThat(tableText()).contains("in force").doesNotContain("生效中");
        assertThat(browser.findElement(By.id("live-text")).getText()).isEqualTo("live");
        assertThat(browser.findElement(By.id("lang-toggle")).getText()).isEqualTo("中文");

        browser.navigate().refresh();
        waitForPage();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cooperation Ledger");
        assertThat(js("return localStorage.getItem('ledger.lang');")).isEqualTo("en");
    }

    @Test
    @Order(4)
    void a_row_drills_down_to_the_record_and_tells_a_viewer_that_history_is_for_auditors() {
        showTab("projects");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#records tbody tr")).stream()
                .filter(r -> r.getText().contains(STATE_ENTERPRISE_EVENT_INVESTMENT)).findFirst().orElse(null));
        String id = row.getDomAttribute("data-id");
        row.click();

        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        wait.until(d -> d.findElement(By.id("detail-body")).getText().contains(STATE_ENTERPRISE_EVENT_INVESTMENT));
        assertThat(detail.getDomAttribute("data-record")).isEqualTo(id);
        assertThat(detail.findElement(By.id("detail-body")).getText()).contains("Agreed investment", "Hosts");
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-note")));
        assertThat(note.getText()).contains("auditors");
    }

    @Test
    @Order(5)
    void an_auditor_sees_the_history_of_a_record() {
        browser.manage().deleteAllCookies();
        logInAs(TestUsers.AUDITOR);
        showTab("agreements");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#records tbody tr[data-id]")).stream()
                .findFirst().orElse(null));
        row.click();

        wait.until(d -> !d.findElements(By.cssSelector("#detail-history .history li")).isEmpty());
        assertThat(browser.findElement(By.id("detail-history")).getText()).contains("recorded by");
        assertThat(browser.findElements(By.id("history-note"))).isEmpty();
    }

    private long waitForSeedProjections() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Reply stats = api.get("/api/stats/projects?groupBy=occasion").as(TestUsers.VIEWER).send();
            if (stats.status() == 200 && stats.text().contains(STATE_ENTERPRISE_EVENT_INVESTMENT)) {
                // the headline card shows the live projects: cancelled ones are reported apart
                return api.get("/api/summary").as(TestUsers.VIEWER).send().json().path("projects").path("live")
                        .path("projects").asLong();
            }
            sleep(200);
        }
        throw new AssertionError("the seed dataset did not reach the projections within " + PATIENCE);
    }

    private void logInAs(String user) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForPage();
    }

    private void waitForPage() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void showTab(String tab) {
        browser.findElement(By.cssSelector("#tabs [data-tab=" + tab + "]")).click();
        wait.until(d -> tab.equals(d.findElement(By.id("records")).getDomAttribute("data-table"))
                && !d.findElements(By.cssSelector("#records tbody tr[data-id]")).isEmpty());
    }

    private String cardValue(String card) {
        return browser.findElement(By.cssSelector("#card-" + card + " .value")).getText();
    }

    private String cardLabel(String card) {
        return browser.findElement(By.cssSelector("#card-" + card + " .label")).getText();
    }

    private String tableText() {
        return browser.findElement(By.id("records")).getText();
    }

    private String live() {
        return browser.findElement(By.id("live")).getDomAttribute("data-state");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /**
     * The dashboard with the seed data: under target/ on every run, and for the README's docs/dashboard.png only when
     * asked ({@code -Dledger.readme-screenshot=true}), so a test run leaves the working tree unchanged.
     */
    private void saveScreenshot() throws IOException {
        sleep(1500); // let the charts' entry animation finish
        Path target = Boolean.getBoolean("ledger.readme-screenshot") ? Path.of("..", "docs", "dashboard.png")
                : Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
