package coop.ledger.dashboard.page;

import coop.ledger.app.LedgerApplication;
import coop.ledger.testing.Api;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's own login page, the multi-value filters and the download button in a real headless Chromium
 * ({@link HeadlessChromium}, as in {@link DashboardBrowserTest}, with the same application): a wrong password, a
 * login, two statuses ticked and the table downloaded as CSV, a logout. Runs only with {@code -Pbrowser}; saves the
 * screenshots of the docs ({@code docs/login.png}, {@code docs/dashboard-downloads.png}) when asked with
 * {@code -Dledger.readme-screenshot=true}, else under target/.
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
class FrontDoorBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static Path downloads;

    static {
        LedgerApplication.quietAxon();
    }

    @LocalServerPort
    private int port;

    private Api api;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.startWithDownloads(1440, 1200);
        browser = chromium.driver();
        downloads = chromium.downloads();
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
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    @Order(1)
    void a_wrong_password_returns_to_our_login_page_with_a_clear_message_in_both_languages() throws IOException {
        waitForSeedProjections();
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        waitForLoginPage();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("合作台账");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("登录合作台账");
        assertThat(browser.findElements(By.id("message"))).isEmpty();
        assertThat(browser.findElement(By.name("_csrf")).getDomAttribute("value")).isNotBlank();

        submitLogin(TestUsers.VIEWER, "not-the-password");

        wait.until(ExpectedConditions.urlContains("/login?error"));
        waitForLoginPage();
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("用户名或密码错误，请重新输入。");

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "Log in to the Cooperation Ledger".equals(d.findElement(By.tagName("h2")).getText()));
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo("Wrong user name or password. Please try again.");
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Log in");
        assertThat(browser.findElement(By.id("lang-toggle")).getText()).isEqualTo("中文");
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "登录".equals(d.findElement(By.id("submit")).getText()));
        saveScreenshot("login.png");
    }

    @Test
    @Order(2)
    void the_right_password_opens_the_dashboard() {
        submitLogin(TestUsers.VIEWER, TestUsers.PASSWORD);

        waitForDashboard();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("合作台账");
    }

    @Test
    @Order(3)
    void two_ticked_statuses_filter_the_table_and_the_download_button_saves_those_rows_as_csv() throws Exception {
        showTab("projects");
        WebElement status = browser.findElement(By.cssSelector("#filters details.multi[data-name=status]"));
        status.findElement(By.tagName("summary")).click();
        status.findElement(By.cssSelector("input[value=SIGNED]")).click();
        status.findElement(By.cssSelector("input[value=UNDER_CONSTRUCTION]")).click();
        wait.until(d -> d.findElement(By.id("download-csv")).getDomAttribute("href")
                .contains("status=SIGNED%2CUNDER_CONSTRUCTION"));
        wait.until(d -> d.findElements(By.cssSelector("#records tbody tr[data-id]")).stream()
                .allMatch(r -> r.getText().contains("已签约") || r.getText().contains("已开工")));
        assertThat(status.findElement(By.tagName("summary")).getText()).isEqualTo("已签约、已开工");
        // the screenshot of the docs: the table with its filters, the open drop-down and the download buttons
        browser.executeScript("document.getElementById('tabs').scrollIntoView({block: 'start'});");
        saveScreenshot("dashboard-downloads.png");
        status.findElement(By.tagName("summary")).click(); // close the drop-down

        browser.findElement(By.id("download-csv")).click();

        Path file = downloads.resolve("projects.csv");
        wait.until(d -> Files.exists(file) && file.toFile().length() > 0);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        Reply json = api.get("/api/projects?status=SIGNED,UNDER_CONSTRUCTION&page=0&size=200")
                .as(TestUsers.VIEWER).send();
        assertThat(json.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        assertThat(records.get(0).get(0)).isEqualTo("编号 / ID");
        assertThat(records.stream().skip(1).map(r -> r.get(0)).toList()).isEqualTo(ids).isNotEmpty();
        assertThat(records.stream().skip(1).map(r -> r.get(2)).distinct()).containsAnyOf("已签约", "已开工")
                .allMatch(s -> s.equals("已签约") || s.equals("已开工"));
        JsonNode first = json.json().path("items").path(0);
        assertThat(records.get(1).get(10)).isEqualTo(first.path("agreedInvestment").path("yuan").asString(""));
    }

    @Test
    @Order(4)
    void logging_out_asks_once_and_lands_on_the_login_page_with_a_message() {
        browser.findElement(By.cssSelector("header a[href='/logout']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-logout")));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("退出登录");

        browser.findElement(By.id("confirm-logout")).click();

        wait.until(ExpectedConditions.urlContains("/login?logout"));
        waitForLoginPage();
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("您已退出登录。");
        // the session is gone: the dashboard sends the browser back to the login page
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void waitForSeedProjections() {
        long deadline = System.nanoTime() + PATIENCE.multipliedBy(3).toNanos();
        while (System.nanoTime() < deadline) {
            Reply stats = api.get("/api/stats/projects?groupBy=occasion").as(TestUsers.VIEWER).send();
            if (stats.status() == 200 && stats.text().contains("1153亿元")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the seed dataset did not reach the projections");
    }

    private void submitLogin(String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("submit")).click();
    }

    private void waitForLoginPage() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void waitForDashboard() {
        wait.until(d -> d.findElements(By.id("cards")).size() == 1
                && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void showTab(String tab) {
        browser.findElement(By.cssSelector("#tabs [data-tab=" + tab + "]")).click();
        wait.until(d -> tab.equals(d.findElement(By.id("records")).getDomAttribute("data-table"))
                && !d.findElements(By.cssSelector("#records tbody tr[data-id]")).isEmpty());
    }

    private void saveScreenshot(String name) throws IOException {
        Path target = Boolean.getBoolean("ledger.readme-screenshot") ? Path.of("..", "docs", name)
                : Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
