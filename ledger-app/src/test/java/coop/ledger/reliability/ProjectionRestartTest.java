package coop.ledger.reliability;

import coop.ledger.app.LedgerApplication;
import coop.ledger.testing.Api;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projections and their tokens survive restarts without applying an event twice or skipping one. Today the only
 * projection is the command-side record directory (a subscribing processor, updated in the events' transaction);
 * any streaming processor added later keeps its position in token_entry, which this test checks as well.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProjectionRestartTest {

    static {
        LedgerApplication.quietAxon();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void the_record_directory_and_tokens_match_the_events_across_restarts_and_replays() {
        List<Party> parties = new ArrayList<>(List.of(TestData.wanzhou(), TestData.kaizhou(), TestData.yunyang()));
        Party dazhou = TestData.dazhou();
        List<Map<String, Object>> tokensBefore;

        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            for (Party party : parties) {
                assertThat(api.post("/api/parties", party.json()).idempotencyKey("register-" + party.code()).send()
                        .status()).isEqualTo(201);
            }
            Reply signed = api.post("/api/agreements", TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK",
                    parties.subList(0, 2), parties.subList(2, 3))).idempotencyKey("sign-once").send();
            assertThat(signed.status()).isEqualTo(201);
            assertConsistent(first);
            awaitStreamingTokensAtTheLastEvent(first);
            tokensBefore = tokens(first);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertConsistent(second);
            assertThat(tokens(second)).as("token rows after a restart").isEqualTo(tokensBefore);
            // A replayed request after the restart records nothing and adds no directory row.
            Reply replayed = api.post("/api/parties", parties.get(0).json())
                    .idempotencyKey("register-" + parties.get(0).code()).send();
            assertThat(replayed.json().path("replayed").asBoolean()).as("%s", replayed).isTrue();
            assertThat(api.post("/api/parties", dazhou.json()).send().status()).isEqualTo(201);
            parties.add(dazhou);
            assertConsistent(second);
        }

        try (ConfigurableApplicationContext third = start()) {
            Api api = api(third);
            assertConsistent(third);
            // The directory still answers the rules: a signing naming a party registered before the restarts.
            Reply signed = api.post("/api/agreements", TestData.signing(TestData.MINGYUESHAN_GREEN_BELT,
                    "COOPERATION", List.of(dazhou, parties.get(0)), List.of())).send();
            assertThat(signed.status()).as("%s", signed).isEqualTo(201);
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            for (Party party : parties) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM record_directory WHERE record_id = ?",
                        Integer.class, party.code())).as("directory rows of %s", party.code()).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Integer.class, party.code())).as("events of %s", party.code()).isEqualTo(1);
            }
            assertConsistent(third);
        }
    }

    /**
     * The directory holds exactly the records whose creation events are stored, once each, and no token points
     * past the last stored event.
     */
    private static void assertConsistent(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<String> fromEvents = new ArrayList<>();
        jdbc.query("SELECT payload_type, aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type LIKE '%PartyRegisteredEvent' OR payload_type LIKE '%AgreementSignedEvent'", rs -> {
                    fromEvents.add((rs.getString(1).endsWith("PartyRegisteredEvent") ? "PARTY" : "AGREEMENT") + ":"
                            + rs.getString(2));
                });
        List<String> directory = jdbc.queryForList("SELECT record_type || ':' || record_id FROM record_directory",
                String.class);
        assertThat(directory).as("record directory").containsExactlyInAnyOrderElementsOf(fromEvents);
        Long last = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        for (Map<String, Object> token : tokens(context)) {
            assertThat((Long) token.get("position")).as("position of %s", token).isLessThanOrEqualTo(last);
        }
    }

    /** Streaming projections follow the events asynchronously: wait until every token names the newest event. */
    private static void awaitStreamingTokensAtTheLastEvent(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long last = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!tokens(context).stream().allMatch(t -> last.equals(t.get("position")))) {
            assertThat(System.nanoTime()).as("tokens reach position %d: %s", last, tokens(context)).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every token row with the position its token names (-1 when it names none, e.g. not yet started). */
    private static List<Map<String, Object>> tokens(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return jdbc.query("SELECT processor_name, segment, token_type, token FROM token_entry "
                + "ORDER BY processor_name, segment", (rs, i) -> {
                    byte[] token = rs.getBytes(4);
                    long position = -1;
                    if (token != null) {
                        JsonNode json = JSON.readTree(new String(token, StandardCharsets.UTF_8));
                        // GapAwareTrackingToken (JDBC store) names it index; GlobalSequenceTrackingToken globalIndex
                        JsonNode index = json.has("index") ? json.get("index") : json.findValue("globalIndex");
                        position = index == null ? -1 : index.asLong();
                    }
                    return Map.of("processor", rs.getString(1), "segment", rs.getInt(2),
                            "type", String.valueOf(rs.getString(3)), "position", position);
                });
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0",
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
