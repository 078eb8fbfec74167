package coop.ledger.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the README and the documents under {@code docs/} show against a running ledger works as written:
 * this test runs them, in reading order, against a fresh ledger started with the default configuration (no users
 * configured, so the bootstrap {@code admin} is created as on a fresh machine).
 *
 * <p>The rules, so that a writer of a new document knows what is checked:
 * <ul>
 *   <li><b>Which files, in which order.</b> {@code README.md}, then {@code docs/api-guide.md},
 *   {@code docs/auditors-guide.md}, {@code docs/read-models.md}, {@code docs/operations.md} (the walk-through
 *   builds up across them in that order), then every other {@code docs/*.md} in alphabetical order. A new
 *   document is picked up without changing this test.</li>
 *   <li><b>Which blocks run.</b> Every fenced {@code ```bash} block that names {@code localhost:8080}, i.e. talks to
 *   the running ledger. Blocks that build, start a jar, install packages or talk to other ports (a cluster's
 *   nodes) are not run here: {@code .ci/run} and {@code PackagedJarIT} run the build and the jar. A block right
 *   after the line {@code <!-- doc-check: skip -->} is not run either; use it only where running the block would
 *   change what the following blocks need (and say why in the text).</li>
 *   <li><b>How placeholders are filled.</b> {@code localhost:8080} becomes this test's port. {@code LEDGER_AUTH}
 *   comes from running, as written, every line of any {@code ```bash} block that starts with
 *   {@code export LEDGER_AUTH=}, in a working directory whose {@code data} is the ledger's data directory (so
 *   {@code data/initial-admin-password} is the bootstrap password, as on a fresh machine). Nothing else is
 *   replaced.</li>
 *   <li><b>How a block runs.</b> Each block is one {@code bash} script with {@code set -eo pipefail}, in one
 *   working directory shared by all blocks (files a block writes are there for the next; shell variables are
 *   not). {@code curl} is wrapped: each call also reports its HTTP status, gets a time limit (3 s for a request
 *   that accepts {@code text/event-stream}, whose stream never ends by itself; running out of time there is
 *   success), and otherwise runs with the arguments as written.</li>
 *   <li><b>What must hold.</b> The script exits 0 and every {@code curl} call answers 2xx, unless the comment line
 *   right after the command (after its continuation lines) begins with {@code # NNN}: then the status must be
 *   NNN (e.g. {@code # 409 project.intention-not-firm} under a refused write). A command is a line that starts in
 *   column 0; indented lines continue it.</li>
 * </ul>
 * A second check: every {@code METHOD /api/...} the documents name exists in the OpenAPI document (the endpoint
 * reference), so prose cannot name an endpoint that is gone.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// The ledger this test fills is its own (no other test's records, no configured users); closed afterwards so that
// the suite, which keeps its cached contexts running, does not carry it along.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DocumentedCommandsTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> READING_ORDER =
            List.of("api-guide.md", "auditors-guide.md", "read-models.md", "operations.md");
    private static final Path WORK = Path.of("target", "doc-check", "run-" + System.nanoTime()).toAbsolutePath();
    private static final String SKIP_MARK = "<!-- doc-check: skip -->";
    private static final String STATUS_MARK = "doc-check-status ";
    private static final Pattern EXPECTED_STATUS = Pattern.compile("^# (\\d{3})\\b.*");
    private static final Pattern NAMED_ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/api/[\\w./{}|-]+)(?=[`\\s?])");

    /** The wrapper every block runs with: the status of each call on standard error, a time limit. */
    private static final String CURL_WRAPPER = """
            curl() {
              local limit=60
              case " $* " in *text/event-stream*) limit=3 ;; esac
              local code=0
              command curl --max-time "$limit" --write-out '%{stderr}doc-check-status %{http_code}\\n' "$@" || code=$?
              if [ "$code" -eq 28 ] && [ "$limit" -eq 3 ]; then return 0; fi
              return "$code"
            }
            """;

    static {
        LedgerApplication.quietAxon();
    }

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> WORK.resolve("data").toString());
    }

    @Test
    @Order(1)
    void every_command_the_documents_show_works_as_written() throws Exception {
        // a newcomer's machine may lack curl; the test command must still pass there (.ci/run installs it)
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0,
                "curl is not installed: the documents' curl examples are not run");
        List<Block> blocks = new ArrayList<>();
        List<String> authLines = new ArrayList<>();
        for (Path document : documents()) {
            List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
            readBlocks(REPOSITORY.relativize(document).toString(), lines, blocks, authLines);
        }
        assertThat(authLines).as("a document exports LEDGER_AUTH (the README does)").isNotEmpty();
        assertThat(blocks).as("blocks that talk to the ledger").hasSizeGreaterThanOrEqualTo(20);

        List<String> failures = new ArrayList<>();
        for (Block block : blocks) {
            String failure = run(block, authLines);
            if (failure != null) {
                failures.add(failure);
            }
        }
        System.out.printf("doc-check: %d blocks with %d curl commands run, from %s%n", blocks.size(),
                blocks.stream().mapToInt(block -> block.expectedStatuses().size()).sum(),
                blocks.stream().map(Block::file).distinct().toList());
        assertThat(failures).as("documented commands that do not work as written (%d blocks run)", blocks.size())
                .isEmpty();
    }

    @Test
    @Order(2)
    void every_endpoint_the_documents_name_is_in_the_openapi_document() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        Set<String> documented = new TreeSet<>();
        JsonMapper.builder().build().readTree(docs.body()).path("paths").propertyStream()
                .forEach(path -> path.getValue().propertyNames().forEach(method ->
                        documented.add(method.toUpperCase() + " " + normalized(path.getKey()))));

        Set<String> named = new TreeSet<>();
        for (Path document : documents()) {
            Matcher matcher = NAMED_ENDPOINT.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (matcher.find()) {
                for (String path : alternatives(matcher.group(2))) {
                    named.add(matcher.group(1) + " " + normalized(path));
                }
            }
        }
        assertThat(named).as("endpoints the documents name").hasSizeGreaterThanOrEqualTo(10);
        assertThat(documented).as("operations of /v3/api-docs").containsAll(named);
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(REPOSITORY.resolve("README.md"));
        Path docs = REPOSITORY.resolve("docs");
        for (String name : READING_ORDER) {
            if (Files.exists(docs.resolve(name))) {
                documents.add(docs.resolve(name));
            }
        }
        try (Stream<Path> files = Files.list(docs)) {
            files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> !READING_ORDER.contains(file.getFileName().toString()))
                    .sorted()
                    .forEach(documents::add);
        }
        return documents;
    }

    private static void readBlocks(String file, List<String> lines, List<Block> blocks, List<String> authLines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```bash")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            List<String> body = lines.subList(start, end);
            body.stream().filter(line -> line.startsWith("export LEDGER_AUTH=")).forEach(authLines::add);
            boolean skipped = i > 0 && lines.get(i - 1).strip().equals(SKIP_MARK);
            if (!skipped && body.stream().anyMatch(line -> line.contains("localhost:8080"))) {
                blocks.add(new Block(file, start + 1, List.copyOf(body)));
            }
            i = end;
        }
    }

    /** Runs one block; answers null when it worked as written, otherwise what went wrong. */
    private String run(Block block, List<String> authLines) throws Exception {
        Files.createDirectories(WORK);
        StringBuilder script = new StringBuilder("set -eo pipefail\n").append(CURL_WRAPPER);
        authLines.forEach(line -> script.append(line).append('\n'));
        block.lines().forEach(line -> script.append(line.replace("localhost:8080", "localhost:" + port)).append('\n'));
        Process process = new ProcessBuilder("bash", "-c", script.toString()).directory(WORK.toFile()).start();
        process.getOutputStream().close();
        // Read both streams fully before waiting, so that a full pipe cannot block the script.
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.completeExceptionally(e);
            }
        }).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return block + ": did not finish within 5 minutes";
        }
        String errors = stderr.get(1, TimeUnit.MINUTES);
        List<Integer> statuses = errors.lines().filter(line -> line.startsWith(STATUS_MARK))
                .map(line -> Integer.parseInt(line.substring(STATUS_MARK.length()).strip())).toList();
        List<Integer> expected = block.expectedStatuses();
        String output = "\n  stdout: " + abbreviated(stdout) + "\n  stderr: " + abbreviated(errors);
        if (process.exitValue() != 0) {
            return block + ": exit " + process.exitValue() + " (statuses " + statuses + ")" + output;
        }
        if (statuses.size() != expected.size()) {
            return block + ": " + expected.size() + " curl commands, but " + statuses.size() + " calls" + output;
        }
        for (int n = 0; n < expected.size(); n++) {
            int status = statuses.get(n);
            int wanted = expected.get(n);
            boolean ok = wanted == 0 ? status >= 200 && status < 300 : status == wanted;
            if (!ok) {
                return block + ": curl command " + (n + 1) + " answered " + status + ", expected "
                        + (wanted == 0 ? "2xx" : wanted) + output;
            }
        }
        return null;
    }

    private static String abbreviated(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + " …";
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** {@code /api/{agreements|projects}/{id}} names two paths. */
    private static List<String> alternatives(String path) {
        Matcher choice = Pattern.compile("\\{([^}]*\\|[^}]*)}").matcher(path);
        if (!choice.find()) {
            return List.of(path);
        }
        List<String> paths = new ArrayList<>();
        for (String option : choice.group(1).split("\\|")) {
            paths.addAll(alternatives(path.substring(0, choice.start()) + option + path.substring(choice.end())));
        }
        return paths;
    }

    /** A fenced bash block of a document; {@code line} is the 1-based line of its first command. */
    private record Block(String file, int line, List<String> lines) {

        /** Per curl command, in order: the status its {@code # NNN} comment expects, or 0 for any 2xx. */
        List<Integer> expectedStatuses() {
            List<Integer> expected = new ArrayList<>();
            boolean inCommand = false;
            String heredocEnd = null;
            for (String line : lines) {
                if (heredocEnd != null) {
                    if (line.strip().equals(heredocEnd)) {
                        heredocEnd = null;
                    }
                    continue;
                }
                Matcher heredoc = Pattern.compile("<<-?'?(\\w+)'?").matcher(line);
                if (heredoc.find()) {
                    heredocEnd = heredoc.group(1);
                }
                if (line.startsWith("curl ")) {
                    expected.add(0);
                    inCommand = true;
                } else if (line.startsWith("#")) {
                    Matcher status = EXPECTED_STATUS.matcher(line);
                    if (inCommand && status.matches()) {
                        expected.set(expected.size() - 1, Integer.parseInt(status.group(1)));
                    }
                    inCommand = false;
                } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                    inCommand = false;
                }
            }
            return expected;
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
