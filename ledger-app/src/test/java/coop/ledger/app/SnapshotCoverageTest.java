package coop.ledger.app;

import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.eventstore.EventFold;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.state.ProjectState;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.RandomHistories;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of record snapshots, whatever its history: a ledger of generated histories (agreements with and
 * without domains, projects, programmes, parties, every kind of write) snapshotted every 4 events. Each record with
 * enough events has a snapshot of the current revision (a snapshot the serializer could not write would be
 * missing), and the state of an agreement, project or programme read from its newest snapshot plus the events after
 * it equals the fold of every event.
 */
@TestPropertySource(properties = "ledger.snapshots.every=4")
class SnapshotCoverageTest extends LedgerHttpTest {

    private static final int EVERY = 4;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventFold events;

    @Test
    void every_record_of_every_kind_snapshots_and_reads_back_as_its_whole_history() throws InterruptedException {
        RandomHistories.Recorded recorded = new RandomHistories(api, 20261129L, "snap", 2).write(20, 20, 20);
        assertThat(recorded.unexpected()).as("writes answered neither 2xx nor a refusal").isEmpty();
        List<String> ids = new ArrayList<>();
        ids.addAll(longRecordsOfTheirOwn());
        ids.addAll(recorded.parties());
        ids.addAll(recorded.agreements());
        ids.addAll(recorded.projects());
        ids.addAll(recorded.programmes());
        // Snapshots are taken on a thread of their own after each command's commit: wait until they stop coming.
        long taken = -1;
        for (int quiet = 0; quiet < 5; ) {
            Thread.sleep(200);
            long now = jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_event_entry", Long.class);
            quiet = now == taken ? quiet + 1 : 0;
            taken = now;
        }

        List<String> problems = new ArrayList<>();
        Map<String, Integer> snapshotted = new TreeMap<>();
        for (String id : ids) {
            long sequence = jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ?", Long.class, id);
            List<String> revisions = jdbc.queryForList("SELECT payload_revision FROM snapshot_event_entry "
                    + "WHERE aggregate_identifier = ?", String.class, id);
            if (sequence + 1 >= 2L * EVERY) {
                if (revisions.isEmpty()) {
                    problems.add(id + ": " + (sequence + 1) + " events but no snapshot");
                }
                snapshotted.merge(type(id), revisions.isEmpty() ? 0 : 1, Integer::sum);
            }
            revisions.stream().filter(r -> !"2".equals(r))
                    .forEach(r -> problems.add(id + ": a snapshot of revision " + r));
            if ("Party".equals(type(id))) {
                continue; // a party's snapshot keeps only its newest former name: its reads fold every event
            }
            Object whole = fold(id, false);
            Object fromSnapshot = fold(id, true);
            if (!whole.equals(fromSnapshot)) {
                problems.add(id + ": read from its snapshot " + fromSnapshot + " but its events fold to " + whole);
            }
        }

        assertThat(problems).as("records whose snapshots are missing or read differently").isEmpty();
        System.out.println("[snapshots] records snapshotted by kind: " + snapshotted);
        assertThat(snapshotted).as("records of each kind long enough to be snapshotted")
                .containsOnlyKeys("Party", "Agreement", "Project", "Programme")
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isPositive());
    }

    /**
     * A party renamed ten times (random histories rename few) and an agreement signed without domains (whose
     * snapshots once failed: an empty set of domains) with ten cooperation items.
     */
    private List<String> longRecordsOfTheirOwn() {
        TestData.Party party = TestData.kaizhou();
        TestData.Party other = TestData.wanzhou();
        register(party, other);
        for (int i = 1; i <= 10; i++) {
            Reply renamed = api.put("/api/parties/" + party.code() + "/name", object("nameZh", "开州区" + i,
                    "effectiveOn", LocalDate.of(2016, 1, 1).plusDays(i).toString())).send();
            assertThat(renamed.status()).as("rename %d: %s", i, renamed).isEqualTo(200);
        }
        ObjectNode signing = TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(party, other),
                List.of());
        signing.remove("domains");
        String agreement = sign(signing);
        for (int i = 1; i <= 10; i++) {
            Reply listed = api.post("/api/agreements/" + agreement + "/items", object("itemId", "item-" + i,
                    "description", "合作事项" + i, "listedOn", "2021-01-0" + (1 + i % 9))).send();
            assertThat(listed.status()).as("item %d: %s", i, listed).isEqualTo(201);
        }
        return List.of(party.code(), agreement);
    }

    /** The record's state folded from every event, or from its newest snapshot and the events after it. */
    private Object fold(String id, boolean fromSnapshot) {
        String type = type(id);
        return switch (type) {
            case "Agreement" -> fold(id, fromSnapshot, AgreementState.class, AgreementEvent.class,
                    AgreementState::fold);
            case "Project" -> fold(id, fromSnapshot, ProjectState.class, ProjectEvent.class, ProjectState::fold);
            case "Programme" -> fold(id, fromSnapshot, ProgrammeState.class, ProgrammeEvent.class,
                    ProgrammeState::fold);
            default -> throw new IllegalStateException("no fold for records of type " + type);
        };
    }

    /** The aggregate type of a record: Party, Agreement, Project or Programme. */
    private String type(String id) {
        return jdbc.queryForObject("SELECT MIN(type) FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, id);
    }

    private <S, E> S fold(String id, boolean fromSnapshot, Class<S> state, Class<E> event, BiFunction<S, E, S> step) {
        Optional<S> folded = fromSnapshot ? events.foldFromSnapshot(id, state, event, step)
                : events.fold(id, event, step);
        return folded.orElseThrow(() -> new AssertionError("record " + id + " does not fold"));
    }
}
