package coop.ledger.processing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static coop.ledger.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** GET /api/changes: a viewer subscribes and hears of an agreement recorded over HTTP, after it committed. */
class ChangeFeedTest extends DashboardTest {

    private static final String END = "<end of stream>";

    @LocalServerPort
    private int port;
    @Autowired
    private ChangeFeed feed;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureWarnings() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(log);
    }

    @Test
    void a_viewer_receives_the_change_of_an_agreement_recorded_over_http_and_the_stream_ends_cleanly()
            throws Exception {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        register(wanzhou, kaizhou);
        awaitProjections();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = subscribe(TestUsers.VIEWER, lines);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        awaitLine(lines, "event:ready");

        String id = sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(wanzhou, kaizhou),
                List.of()));

        String data = awaitChangeOf(lines, id);
        assertThat(data).contains("\"recordType\":\"agreement\"", "\"eventType\":\"AgreementSignedEvent\"",
                "\"position\":");
        // the change is announced after its batch committed: the list already shows the agreement
        assertThat(api.get("/api/agreements?party=" + wanzhou.code()).as(TestUsers.VIEWER).send().text())
                .contains(id);

        feed.completeAll();
        awaitLine(lines, END);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage))
                .as("warnings while the stream ended").isEmpty();
    }

    @Test
    void anonymous_subscribers_are_refused_and_json_clients_are_told_the_media_type() {
        assertProblem(api.get("/api/changes").anonymous().header("Accept", "text/event-stream").send(), 401);
        assertThat(api.get("/api/changes").as(TestUsers.VIEWER).send().status()).isEqualTo(406);
    }

    private HttpResponse<Stream<String>> subscribe(String user, BlockingQueue<String> lines) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/changes"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                lines.add("<error " + e + ">");
            }
            lines.add(END);
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    private static void awaitLine(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.equals(wanted)) {
                    return;
                }
            }
        }
        fail("no line %s in %s", wanted, seen);
    }

    /** The data line of the first change event naming {@code recordId}. */
    private static String awaitChangeOf(BlockingQueue<String> lines, String recordId) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        boolean inChange = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (line.startsWith("event:")) {
                inChange = line.equals("event:change");
            } else if (inChange && line.startsWith("data:") && line.contains("\"recordId\":\"" + recordId + "\"")) {
                return line;
            }
        }
        return fail("no change of %s in %s", recordId, seen);
    }
}
