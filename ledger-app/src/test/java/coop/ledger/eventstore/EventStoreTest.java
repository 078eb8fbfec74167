package coop.ledger.eventstore;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static coop.ledger.testing.Problems.assertRule;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/** What an accepted or refused write leaves in the event store tables, read with plain SQL. */
class EventStoreTest extends LedgerHttpTest {

    @Autowired
    private JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void every_event_records_who_recorded_it_and_the_correlation_of_its_request() {
        Party wanzhou = TestData.wanzhou();

        Reply reply = api.post("/api/parties", wanzhou.json()).recordedBy("alice").send();

        assertThat(reply.status()).isEqualTo(201);
        byte[] metaData = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?", byte[].class, wanzhou.code());
        JsonNode meta = json.readTree(metaData);
        assertThat(meta.path("recordedBy").asString()).isEqualTo("alice");
        assertThat(meta.path("correlationId").asString()).isNotBlank();
        String payload = new String(jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", byte[].class, wanzhou.code()),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("万州区");
    }

    @Test
    void each_request_records_its_own_recorder_and_correlation_id() {
        Party kaizhou = TestData.kaizhou();
        register(kaizhou);
        api.put("/api/parties/" + kaizhou.code() + "/name", object("nameZh", "开州区人民政府",
                "effectiveOn", "2016-07-01")).recordedBy("bob").send();

        List<JsonNode> metas = jdbc.queryForList("SELECT meta_data FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number", byte[].class, kaizhou.code())
                .stream().map(json::readTree).toList();

        assertThat(metas).hasSize(2);
        assertThat(metas.get(1).path("recordedBy").asString()).isEqualTo("bob");
        assertThat(metas.get(1).path("correlationId").asString())
                .isNotEqualTo(metas.get(0).path("correlationId").asString());
    }

    @Test
    void h2_hands_out_global_positions_from_a_cache_not_a_store_commit_per_event() {
        // NO CACHE made H2 write the store file once per event (migration V12 says why the cache is safe)
        Long cache = jdbc.queryForObject("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_NAME = 'DOMAIN_EVENT_ENTRY' AND COLUMN_NAME = 'GLOBAL_INDEX'", Long.class);

        assertThat(cache).isEqualTo(1000L);
    }

    @Test
    void a_burst_of_writes_takes_consecutive_global_positions() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        register(wanzhou, kaizhou);
        String id = sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(wanzhou, kaizhou),
                List.of()));
        List<String> written = new ArrayList<>(List.of(wanzhou.code(), kaizhou.code(), id));
        for (int i = 0; i < 12; i++) {
            Party yunyang = TestData.yunyang();
            register(yunyang);
            written.add(yunyang.code());
            Reply listed = api.post("/api/agreements/" + id + "/items", object("itemId", "item-" + i,
                    "description", "合作事项" + i, "listedOn", "2021-01-05")).send();
            assertThat(listed.status()).as("%s", listed).isEqualTo(201);
        }

        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                        + "WHERE aggregate_identifier IN (" + String.join(",", written.stream().map(w -> "?").toList())
                        + ") ORDER BY global_index", Long.class, written.toArray());

        assertThat(positions).hasSize(3 + 12 * 2);
        long first = positions.get(0);
        assertThat(positions).containsExactly(
                LongStream.range(first, first + positions.size()).boxed().toArray(Long[]::new));
    }

    @Test
    void a_refused_command_leaves_no_event_and_no_idempotency_key() {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);
        String key = TestData.unique("refused-key");
        ObjectNode signing = TestData.signing(TestData.MINGYUESHAN_GREEN_BELT, "COOPERATION",
                List.of(wanzhou, TestData.dazhou()), List.of());

        Reply reply = api.post("/api/agreements", signing).idempotencyKey(key).send();

        assertRule(reply, 409, "party.unknown");
        assertThat(eventCount(signing.path("id").asString())).isZero();
        assertThat(keyCount(key)).isZero();
    }

    @Test
    void a_refused_update_leaves_the_record_as_it_was_and_no_idempotency_key() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        register(wanzhou, kaizhou);
        String id = sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(wanzhou, kaizhou),
                List.of()));
        String key = TestData.unique("refused-key");

        Reply reply = api.post("/api/agreements/" + id + "/payments", object("payer", wanzhou.code(),
                "payee", wanzhou.code(), "amount", "100万元", "paidOn", "2021-01-05")).idempotencyKey(key).send();

        assertRule(reply, 409, "payment.payer-is-payee");
        assertThat(eventCount(id)).isEqualTo(1);
        assertThat(keyCount(key)).isZero();
    }

    @Test
    void a_creation_refused_when_its_events_are_appended_leaves_no_idempotency_key() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        register(wanzhou, kaizhou);
        ObjectNode signing = TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(wanzhou, kaizhou),
                List.of());
        String id = sign(signing);
        String key = TestData.unique("late-refusal-key");

        Reply again = api.post("/api/agreements", signing.put("title", "另一份协议")).idempotencyKey(key).send();
        Reply retry = api.post("/api/agreements", signing).idempotencyKey(key).send();

        assertRule(again, 409, "record.already-exists");
        assertThat(keyCount(key)).isZero();
        assertRule(retry, 409, "record.already-exists");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void an_accepted_write_with_a_key_stores_the_key_with_its_result() {
        Party yunyang = TestData.yunyang();
        String key = TestData.unique("key");

        api.post("/api/parties", yunyang.json()).idempotencyKey(key).send();

        assertThat(jdbc.queryForMap("SELECT record_id, version FROM idempotency_key WHERE idem_key = ?", key))
                .containsEntry("RECORD_ID", yunyang.code())
                .containsEntry("VERSION", 1L);
    }

    @Test
    void a_key_whose_events_are_not_in_the_store_is_not_replayed_the_write_is_recorded() {
        Party yunyang = TestData.yunyang();
        String key = TestData.unique("orphan-key");
        // What a crash can leave: the key of a write, with the same request, but not its event.
        jdbc.update("INSERT INTO idempotency_key (idem_key, request_hash, record_id, version, created_at) "
                + "VALUES (?, 'whatever-the-hash', ?, 1, CURRENT_TIMESTAMP)", key, yunyang.code());

        Reply reply = api.post("/api/parties", yunyang.json()).idempotencyKey(key).send();
        Reply retry = api.post("/api/parties", yunyang.json()).idempotencyKey(key).send();

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().path("replayed").asBoolean()).isFalse();
        assertThat(eventCount(yunyang.code())).isEqualTo(1);
        assertThat(retry.status()).as("%s", retry).isEqualTo(200);
        assertThat(retry.json().path("replayed").asBoolean()).isTrue();
        assertThat(keyCount(key)).isEqualTo(1);
    }

    @Test
    void h2_writes_every_commit_to_its_file_without_delay() {
        // H2 2.4 lists the setting once per scope; every one must say 0 (the default would be 500 ms).
        List<String> writeDelay = jdbc.queryForList(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                String.class);

        assertThat(writeDelay).isNotEmpty().containsOnly("0");
    }

    private int eventCount(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    private int keyCount(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Integer.class, key);
    }
}
