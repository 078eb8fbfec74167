package coop.ledger.reliability;

import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.shared.PartyKind;
import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerProcess;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that a crash left with "leftovers" (rows of a write whose transaction is gone, still marked uncommitted,
 * without the undo records recovery rolls back by; issue 18) is repaired before the ledger takes writes: the retry
 * of each such write is recorded, once, and answered 2xx; it is never refused with a 5xx and never answered
 * {@code replayed} for a write that is not in the event store.
 * <p>
 * H2 2.5.252 was tried as well: the same two answers (the second a 503 lock timeout instead of a duplicate key).
 * <p>
 * The leftovers are written by {@link LeftoverInjector} in a JVM that halts without closing the store. The first
 * write's transaction gets id 1, the id H2 usually hands the retry's own lookup after the restart; the second
 * write's gets id 2. Without the repair ({@code UncleanShutdownRepair}), on H2 2.4.240 the first retry was
 * answered {@code 200 replayed} though nothing was recorded, and the second {@code 500} (its idempotency insert
 * met the invisible leftover: a duplicate key). H2 2.5.252 answered the same, the second as a {@code 503} lock
 * timeout.
 */
class LeftoverRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void writes_whose_leftovers_a_crash_left_are_recorded_once_on_retry() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "leftover-test", "ledger-" + System.nanoTime()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");

        try (LedgerProcess ledger = LedgerProcess.start(dataDir, log)) {
            assertThat(send(ledger.api(), "p-seed", "k-seed").status()).isEqualTo(201);
        }
        // The injected rows must carry the hash the ledger gives the same request: checked on a recorded one.
        assertThat(storedHash(dataDir, "k-seed")).isEqualTo(fingerprint("p-seed"));

        inject(dataDir, log, "k-left-1:" + fingerprint("p-left-1") + ":p-left-1",
                "k-left-2:" + fingerprint("p-left-2") + ":p-left-2");

        try (LedgerProcess ledger = LedgerProcess.start(dataDir, log)) {
            Api api = ledger.api();
            // Both retries first, then the checks: the answers of both show in the output when one fails.
            List<Reply> retries = new ArrayList<>();
            for (String party : List.of("p-left-1", "p-left-2")) {
                retries.add(send(api, party, "k-left-" + party.substring(party.length() - 1)));
                System.out.println("LeftoverRecoveryTest: retry of " + party + " -> " + retries.get(retries.size() - 1));
            }
            for (String party : List.of("p-left-1", "p-left-2")) {
                Reply retry = retries.get(party.endsWith("1") ? 0 : 1);
                assertThat(retry.status()).as("retry of %s: %s%n%s", party, retry, ledger.lastErrorInLog())
                        .isEqualTo(201);
                assertThat(retry.json().path("replayed").asBoolean()).as("retry of %s: %s", party, retry).isFalse();
                Reply read = api.get("/api/parties/" + party).send();
                assertThat(read.status()).as("%s after its retry", party).isEqualTo(200);
                assertThat(read.version()).isEqualTo(1);
                Reply again = send(api, party, "k-left-" + party.substring(party.length() - 1));
                assertThat(again.status()).as("second retry of %s: %s", party, again).isEqualTo(200);
                assertThat(again.json().path("replayed").asBoolean()).isTrue();
            }
        }
        try (SingleConnectionDataSource store = h2(dataDir)) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            for (String party : List.of("p-left-1", "p-left-2")) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Integer.class, party)).as("events of %s", party).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_directory WHERE record_id = ?",
                        Integer.class, party)).as("directory rows of %s", party).isEqualTo(1);
            }
        } finally {
            System.out.println("LeftoverRecoveryTest: ledger log " + log.toAbsolutePath());
        }
    }

    private static Reply send(Api api, String code, String key) {
        return api.post("/api/parties", object("code", code, "nameZh", "遗留测试方" + code, "kind", "GOVERNMENT"))
                .idempotencyKey(key).send();
    }

    /** The request hash {@code CommandSender} stores: SHA-256 of the command's class name and its JSON. */
    private static String fingerprint(String code) throws Exception {
        RegisterPartyCommand command = new RegisterPartyCommand(code, "遗留测试方" + code, null, PartyKind.GOVERNMENT,
                null, null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(RegisterPartyCommand.class.getName().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(JSON.writeValueAsBytes(command)));
    }

    private static String storedHash(Path dataDir, String key) {
        try (SingleConnectionDataSource store = h2(dataDir)) {
            return new JdbcTemplate(store).queryForObject(
                    "SELECT request_hash FROM idempotency_key WHERE idem_key = ?", String.class, key);
        }
    }

    private static SingleConnectionDataSource h2(Path dataDir) {
        return new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/ledger", "sa", "", true);
    }

    private static void inject(Path dataDir, Path log, String... writes) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeftoverInjector.class.getName(),
                dataDir.toAbsolutePath().toString()));
        command.addAll(List.of(writes));
        Process injector = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(injector.waitFor(60, TimeUnit.SECONDS)).as("injector ended").isTrue();
        assertThat(injector.exitValue()).as("injector exit; see %s", log).isZero();
        assertThat(Files.readString(log)).contains("leftover k-left-1 transaction 1", "leftover k-left-2 transaction 2");
    }
}
