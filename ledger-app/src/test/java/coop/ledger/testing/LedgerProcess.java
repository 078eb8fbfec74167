package coop.ledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ledger as a separate JVM on a data directory of its own, started from the test JVM's class path (no jar
 * exists during the test phase), so a test can kill it with SIGKILL and start it again on the same directory.
 * Every wait has a timeout: after a failed start-up Axon's non-daemon janitor thread can keep a JVM alive.
 */
public final class LedgerProcess implements AutoCloseable {

    /**
     * How long a start may take: 90 s, or {@code -Dledger.process.start-seconds} on a machine shared by many builds,
     * where a start alone was seen to take over 90 s.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("ledger.process.start-seconds", 90));
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> launcher;
    private Process process;

    private LedgerProcess(Path dataDir, Path log, int port, List<String> launcher) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.launcher = launcher;
    }

    /** Starts the ledger (from the test class path) on {@code dataDir} and returns once it is ready for writes. */
    public static LedgerProcess start(Path dataDir, Path log) {
        LedgerProcess ledger = new LedgerProcess(dataDir, log, freePort(),
                List.of("-cp", System.getProperty("java.class.path"), "coop.ledger.app.LedgerApplication"));
        ledger.launch();
        return ledger;
    }

    /**
     * Starts the packaged application ({@code java -jar jar}, as the README runs it) on {@code dataDir} with
     * {@code arguments} added, and returns once it is healthy.
     */
    public static LedgerProcess startJar(Path jar, Path dataDir, Path log, String... arguments) {
        List<String> launcher = new ArrayList<>(List.of("-jar", jar.toAbsolutePath().toString()));
        launcher.addAll(List.of(arguments));
        LedgerProcess ledger = new LedgerProcess(dataDir, log, freePort(), launcher);
        ledger.launch();
        return ledger;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    /**
     * The newest ERROR entry of the process log with the lines that follow it (its stack trace), so a failure
     * seen by a test can say why the server failed; empty when the log has none.
     */
    public String lastErrorInLog() {
        try {
            List<String> lines = Files.readAllLines(log);
            int last = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(" ERROR ")) {
                    last = i;
                }
            }
            return last < 0 ? "" : String.join("\n", lines.subList(last, Math.min(lines.size(), last + 40)));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Kills the process with SIGKILL (what Process.destroyForcibly sends on Linux) and waits for it to end. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Stops the process gracefully (SIGTERM), killing it if it does not end in time. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
                "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true"));
        command.addAll(launcher);
        command.addAll(List.of(
                "--server.port=" + port,
                "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                // Only what the test needs: no JMX, no API documents, quiet logs.
                "--spring.jmx.enabled=false",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.coop.ledger.app.LedgerApplication=INFO",
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            Files.createDirectories(dataDir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the ledger process", e);
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger process ended during start-up (exit "
                        + process.exitValue() + "); see " + log);
            }
            try {
                if (PROBE.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        kill();
        throw new IllegalStateException("the ledger process did not become healthy within " + START_TIMEOUT
                + "; see " + log);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the ledger process did not end within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
