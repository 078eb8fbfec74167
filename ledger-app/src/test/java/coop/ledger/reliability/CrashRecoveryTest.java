package coop.ledger.reliability;

import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerProcess;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An acknowledged write survives a crash of the process, exactly once, and an unacknowledged one is recorded
 * completely or not at all. The ledger runs as a separate JVM on an H2 file store; client threads record parties,
 * agreements, cooperation items and payments (each with its own Idempotency-Key) while the process is killed with
 * SIGKILL at random moments and started again on the same directory.
 */
class CrashRecoveryTest {

    /**
     * Kill cycles of a run. Each costs a JVM start (several seconds), so the default suite runs a bounded few;
     * {@code -Dcrash.cycles=50} runs a longer soak.
     */
    private static final int CYCLES = Integer.getInteger("crash.cycles", 6);
    private static final int CLIENTS = 4;

    /**
     * Time allowed per kill cycle: a JVM start and a second or so of writes, about 20 s on a quiet 2-core machine and
     * 45 s on a loaded one. On a machine shared by many builds a start alone can take minutes: raise it there with
     * {@code -Dcrash.cycle-seconds} (and {@code -Dledger.process.start-seconds}).
     */
    private static final int CYCLE_SECONDS = Integer.getInteger("crash.cycle-seconds", 60);

    /**
     * The run's time limit grows with its cycles, so a long soak is not cut short; the fixed part covers the last
     * start, the read side catching up and the verifier. The default six cycles get 7 minutes.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(CYCLE_SECONDS).multipliedBy(CYCLES + 1);

    /** How long the projections may take, after the last start, to show every acknowledged write. */
    private static final Duration READ_SIDE_CATCH_UP = Duration.ofMinutes(2);

    /** One write as a client sends it; the same key and body are sent again when its outcome is unknown. */
    record Write(String kind, String path, ObjectNode body, String key, String recordId, String partId) {
    }

    /** What one client has recorded: only acknowledged writes count, plus at most one whose outcome is unknown. */
    static final class Client {
        final int number;
        final Random random;
        final List<String> parties = new ArrayList<>();
        final Map<String, Set<String>> partsByAgreement = new HashMap<>();
        final Map<String, List<String>> signatoriesByAgreement = new HashMap<>();
        final List<Write> acknowledged = new ArrayList<>();
        Write inFlight;
        int sequence;

        Client(int number, long seed) {
            this.number = number;
            this.random = new Random(seed);
        }

        Write next() {
            String id = "c" + number + "-" + (++sequence);
            int choice = random.nextInt(4);
            if (parties.size() < 2 || choice == 0) {
                return new Write("party", "/api/parties", object("code", "p-" + id, "nameZh", "测试方" + id,
                        "kind", "GOVERNMENT"), "crash-" + id, "p-" + id, null);
            }
            if (partsByAgreement.isEmpty() || choice == 1) {
                List<String> two = pickTwo();
                ObjectNode body = object("id", "a-" + id, "title", "合作协议" + id, "kind", "COOPERATION",
                        "signatories", two, "signedOn", "2021-01-01");
                return new Write("agreement", "/api/agreements", body, "crash-" + id, "a-" + id, null);
            }
            List<String> agreements = new ArrayList<>(partsByAgreement.keySet());
            String agreement = agreements.get(random.nextInt(agreements.size()));
            if (choice == 2) {
                return new Write("item", "/api/agreements/" + agreement + "/items", object("itemId", "i-" + id,
                        "description", "合作事项" + id, "listedOn", "2021-02-01"), "crash-" + id, agreement, "i-" + id);
            }
            List<String> signatories = signatoriesByAgreement.get(agreement);
            return new Write("payment", "/api/agreements/" + agreement + "/payments", object("paymentId", "m-" + id,
                    "payer", signatories.get(0), "payee", signatories.get(1), "amount", "1" + sequence + "万元",
                    "paidOn", "2021-03-01"), "crash-" + id, agreement, "m-" + id);
        }

        private List<String> pickTwo() {
            int first = random.nextInt(parties.size());
            int second = (first + 1 + random.nextInt(parties.size() - 1)) % parties.size();
            return List.of(parties.get(first), parties.get(second));
        }

        void acknowledge(Write write) {
            acknowledged.add(write);
            switch (write.kind()) {
                case "party" -> parties.add(write.recordId());
                case "agreement" -> {
                    partsByAgreement.put(write.recordId(), new LinkedHashSet<>());
                    List<String> signatories = new ArrayList<>();
                    write.body().path("signatories").forEach(s -> signatories.add(s.asString()));
                    signatoriesByAgreement.put(write.recordId(), signatories);
                }
                default -> partsByAgreement.get(write.recordId()).add(write.partId());
            }
        }
    }

    @Test
    void acknowledged_writes_survive_kill_minus_9_exactly_once() {
        // JUnit's @Timeout takes a constant; this limit depends on -Dcrash.cycles. Whatever ends the run (the
        // limit, a failed assertion), the ledger process it left running is killed here.
        AtomicReference<LedgerProcess> running = new AtomicReference<>();
        try {
            assertTimeoutPreemptively(TIME_LIMIT, () -> run(running),
                    () -> CYCLES + " kill cycles did not finish within " + TIME_LIMIT);
        } finally {
            LedgerProcess left = running.get();
            if (left != null) {
                left.kill();
            }
        }
    }

    private void run(AtomicReference<LedgerProcess> running) throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "crash-test", "ledger-" + System.nanoTime()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new Client(i, random.nextLong()));
        }
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger serverErrors = new AtomicInteger();
        Retries retries = new Retries();
        long started = System.nanoTime();

        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            LedgerProcess ledger = start(dataDir, log, running);
            Api api = ledger.api();
            // First settle what the crash left unknown: the same key and body again must answer 2xx, once.
            for (Client client : clients) {
                settle(api, ledger, client, retries);
            }
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (Client client : clients) {
                Thread thread = new Thread(() -> drive(api, client, killed, unexpected, serverErrors), "crash-client-" + client.number);
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(200 + random.nextInt(1300));
            killed.set(true);
            ledger.kill();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(40));
                assertThat(thread.isAlive()).as("client %s still running after the kill", thread.getName()).isFalse();
            }
        }

        Map<String, Integer> expectedEvents = new HashMap<>();
        int acknowledged = 0;
        try (LedgerProcess ledger = start(dataDir, log, running)) {
            Api api = ledger.api();
            for (Client client : clients) {
                settle(api, ledger, client, retries);
                acknowledged += client.acknowledged.size();
                for (Write write : client.acknowledged) {
                    expectedEvents.merge(write.recordId(), 1, Integer::sum);
                }
            }
            int lost = 0;
            int duplicated = 0;
            for (Client client : clients) {
                for (String party : client.parties) {
                    Reply reply = api.get("/api/parties/" + party).send();
                    if (reply.status() != 200) {
                        lost++;
                    } else {
                        duplicated += Math.max(0, (int) reply.version() - 1);
                    }
                }
                for (Map.Entry<String, Set<String>> agreement : client.partsByAgreement.entrySet()) {
                    Reply reply = api.get("/api/agreements/" + agreement.getKey()).send();
                    if (reply.status() != 200) {
                        lost += 1 + agreement.getValue().size();
                        continue;
                    }
                    Set<String> parts = new HashSet<>();
                    reply.json().path("items").forEach(i -> parts.add(i.path("itemId").asString()));
                    reply.json().path("payments").forEach(p -> parts.add(p.path("paymentId").asString()));
                    Set<String> missing = new HashSet<>(agreement.getValue());
                    missing.removeAll(parts);
                    Set<String> extra = new HashSet<>(parts);
                    extra.removeAll(agreement.getValue());
                    lost += missing.size();
                    duplicated += extra.size() + Math.max(0,
                            (int) reply.version() - 1 - agreement.getValue().size() - extra.size());
                    assertThat(extra).as("parts of %s that no client wrote", agreement.getKey()).isEmpty();
                    assertThat(reply.version()).as("version of %s", agreement.getKey())
                            .isEqualTo(1 + agreement.getValue().size());
                }
            }
            // The read side, after the last restart: the projections show every acknowledged write, once.
            ReadSide expected = ReadSide.expected(clients);
            ReadSide shown = awaitReadSide(api, expected);
            // The verifier: every event hash, chain link and sequence holds, over exactly the acknowledged events.
            Reply verification = api.get("/api/audit/verification").as(TestUsers.AUDITOR).send();
            System.out.printf("CrashRecoveryTest: seed %d, %d kill -9 cycles, %d writes acknowledged, %d lost, "
                            + "%d duplicated; %d unknown outcomes retried after restart, %d of them had been recorded "
                            + "before the crash; %d 5xx answers; read side %s (%d parties, %d agreements); "
                            + "verifier verified=%s over %s events; %.1f s%n",
                    seed, CYCLES, acknowledged, lost, duplicated, retries.settled, retries.recordedBeforeCrash,
                    serverErrors.get(), shown.equals(expected) ? "complete" : "INCOMPLETE", shown.parties().size(),
                    shown.agreements().size(), verification.json().path("verified").asString("?"),
                    verification.json().path("events").asString("?"), (System.nanoTime() - started) / 1e9);
            assertThat(unexpected).as("answers other than 2xx while the ledger was up").isEmpty();
            assertThat(serverErrors).as("5xx answers, the kill's moment included").hasValue(0);
            assertThat(lost).as("acknowledged writes lost").isZero();
            assertThat(duplicated).as("writes recorded twice").isZero();
            assertThat(shown.parties()).as("parties in the party list (projection)")
                    .containsExactlyInAnyOrderEntriesOf(expected.parties());
            assertThat(shown.agreements()).as("agreements in the agreement list (projection)")
                    .containsExactlyInAnyOrderEntriesOf(expected.agreements());
            assertThat(verification.status()).as("%s", verification).isEqualTo(200);
            assertThat(verification.json().path("verified").asBoolean()).as("verifier: %s", verification).isTrue();
            assertThat(verification.json().path("events").asLong()).as("events the verifier checked")
                    .isEqualTo(expectedEvents.values().stream().mapToLong(Integer::longValue).sum());
        }

        // The store itself, read directly once the process has stopped: one event per acknowledged write.
        try (SingleConnectionDataSource store = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/ledger", "sa", "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            Map<String, Integer> actualEvents = new HashMap<>();
            jdbc.query("SELECT aggregate_identifier, COUNT(*) FROM domain_event_entry GROUP BY aggregate_identifier",
                    rs -> {
                        actualEvents.put(rs.getString(1), rs.getInt(2));
                    });
            assertThat(actualEvents).isEqualTo(expectedEvents);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key", Integer.class))
                    .isEqualTo(acknowledged);
            Set<String> parties = clients.stream().flatMap(c -> c.parties.stream()).collect(Collectors.toSet());
            Set<String> agreements = clients.stream().flatMap(c -> c.partsByAgreement.keySet().stream())
                    .collect(Collectors.toSet());
            assertThat(jdbc.queryForList("SELECT record_id FROM record_directory WHERE record_type = 'PARTY'",
                    String.class)).containsExactlyInAnyOrderElementsOf(parties);
            assertThat(jdbc.queryForList("SELECT record_id FROM record_directory WHERE record_type = 'AGREEMENT'",
                    String.class)).containsExactlyInAnyOrderElementsOf(agreements);
        }
    }

    private static LedgerProcess start(Path dataDir, Path log, AtomicReference<LedgerProcess> running) {
        running.set(null);
        LedgerProcess ledger = LedgerProcess.start(dataDir, log);
        running.set(ledger);
        return ledger;
    }

    /**
     * What the read side shows of the records: each party's version, and each agreement's items, payments, payment
     * total and version, as the list endpoints (the projections) answer them.
     */
    record ReadSide(Map<String, Long> parties, Map<String, AgreementFigures> agreements) {

        record AgreementFigures(long items, long payments, BigDecimal paymentsTotal, long version) {
        }

        /**
         * What the clients' acknowledged writes must show: one event per write, nothing else (amounts without
         * trailing zeros, as {@link #shown} reads them, so that equal amounts compare equal).
         */
        static ReadSide expected(List<Client> clients) {
            Map<String, Long> parties = new HashMap<>();
            Map<String, AgreementFigures> agreements = new HashMap<>();
            for (Client client : clients) {
                client.parties.forEach(party -> parties.put(party, 1L));
                client.partsByAgreement.forEach((agreement, parts) ->
                        agreements.put(agreement, new AgreementFigures(0, 0, BigDecimal.ZERO, 1)));
                for (Write write : client.acknowledged) {
                    AgreementFigures before = agreements.get(write.recordId());
                    if (write.kind().equals("item")) {
                        agreements.put(write.recordId(), new AgreementFigures(before.items() + 1, before.payments(),
                                before.paymentsTotal(), before.version() + 1));
                    } else if (write.kind().equals("payment")) {
                        agreements.put(write.recordId(), new AgreementFigures(before.items(), before.payments() + 1,
                                before.paymentsTotal().add(yuan(write.body().path("amount").asString()))
                                        .stripTrailingZeros(), before.version() + 1));
                    }
                }
            }
            return new ReadSide(parties, agreements);
        }

        /** The amounts the clients write: a whole number of 万元 (ten thousand yuan). */
        private static BigDecimal yuan(String wanYuan) {
            return new BigDecimal(wanYuan.replace("万元", "")).multiply(BigDecimal.valueOf(10_000));
        }

        static ReadSide shown(Api api) {
            Map<String, Long> parties = new HashMap<>();
            for (JsonNode party : allPages(api, "/api/parties")) {
                parties.put(party.path("code").asString(), party.path("version").asLong());
            }
            Map<String, AgreementFigures> agreements = new HashMap<>();
            for (JsonNode agreement : allPages(api, "/api/agreements")) {
                agreements.put(agreement.path("id").asString(), new AgreementFigures(
                        agreement.path("items").path("total").asLong(), agreement.path("payments").asLong(),
                        new BigDecimal(agreement.path("paymentsTotal").path("yuan").asString("0")).stripTrailingZeros(),
                        agreement.path("version").asLong()));
            }
            return new ReadSide(parties, agreements);
        }

        private static List<JsonNode> allPages(Api api, String list) {
            List<JsonNode> items = new ArrayList<>();
            for (int page = 0; ; page++) {
                Reply reply = api.get(list + "?size=200&page=" + page).send();
                assertThat(reply.status()).as("%s page %d: %s", list, page, reply).isEqualTo(200);
                reply.json().path("items").forEach(items::add);
                if (reply.json().path("items").isEmpty() || items.size() >= reply.json().path("total").asLong()) {
                    return items;
                }
            }
        }
    }

    /**
     * The projections follow the events asynchronously: reads them until they show what {@code expected} says, or
     * until {@link #READ_SIDE_CATCH_UP} has passed, and returns the last reading for the assertions to compare.
     */
    private static ReadSide awaitReadSide(Api api, ReadSide expected) throws InterruptedException {
        long deadline = System.nanoTime() + READ_SIDE_CATCH_UP.toNanos();
        while (true) {
            ReadSide shown = ReadSide.shown(api);
            if (shown.equals(expected) || System.nanoTime() > deadline) {
                return shown;
            }
            Thread.sleep(500);
        }
    }

    /** How the writes whose outcome a crash left unknown were settled. */
    static final class Retries {
        int settled;
        int recordedBeforeCrash;
    }

    /**
     * Sends the client's write of unknown outcome again, as a client would: same key, same body. It must be answered
     * 2xx at once: a 5xx (after the start-up's store repair) is a server fault and fails the test, with the
     * server's log.
     */
    private static void settle(Api api, LedgerProcess ledger, Client client, Retries retries) {
        if (client.inFlight == null) {
            return;
        }
        Reply reply = send(api, client.inFlight);
        assertThat(reply.status()).as("retry of %s after restart: %s%n%s", client.inFlight, reply,
                ledger.lastErrorInLog()).isBetween(200, 201);
        retries.settled++;
        if (reply.json().path("replayed").asBoolean()) {
            retries.recordedBeforeCrash++;
        }
        client.acknowledge(client.inFlight);
        client.inFlight = null;
    }

    /** Sends writes one after another until the process is killed; the write in flight then has no known outcome. */
    private static void drive(Api api, Client client, AtomicBoolean killed, ConcurrentLinkedQueue<String> unexpected,
                              AtomicInteger serverErrors) {
        while (!killed.get()) {
            Write write = client.next();
            client.inFlight = write;
            Reply reply;
            try {
                reply = send(api, write);
            } catch (UncheckedIOException | IllegalStateException connectionLost) {
                return;
            }
            if (reply.status() >= 500) {
                serverErrors.incrementAndGet();
            }
            if (reply.status() == 200 || reply.status() == 201) {
                client.acknowledge(write);
                client.inFlight = null;
            } else if (!killed.get()) {
                unexpected.add(write + " -> " + reply);
                client.inFlight = null;
                return;
            }
        }
    }

    private static Reply send(Api api, Write write) {
        return api.post(write.path(), write.body()).idempotencyKey(write.key()).send();
    }
}
