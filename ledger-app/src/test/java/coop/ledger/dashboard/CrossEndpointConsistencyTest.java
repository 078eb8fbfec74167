package coop.ledger.dashboard;

import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Disagreements;
import coop.ledger.testing.RandomHistories;
import coop.ledger.testing.RandomHistories.Recorded;
import coop.ledger.testing.RandomHistories.Step;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static coop.ledger.dashboard.Figures.LIST;
import static coop.ledger.dashboard.Figures.SERVICE;
import static coop.ledger.dashboard.Figures.shape;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure a user can read says the same wherever the ledger shows it. Random, seeded histories of agreements,
 * signed projects and programmes (every kind of write, refused ones skipped) are written over HTTP; once the
 * projections have caught up, each figure is compared between the record view ({@code GET /api/<concept>s/{id}}),
 * its row in the list, every {@code groupBy} of the statistics, the summary, the overview of every party involved,
 * the audit summary, and time travel to now ({@code as-of}).
 * <p>
 * The reference is the record view: what it says of each item, payment and report, counted under the one meaning
 * the project decided (see {@link Figures}); the record view's own counts are checked against the same meaning.
 * Ledger-wide figures (the summary, the audit summary, statistics groups other tests also fill) are compared by how
 * much they moved while the histories were written, so the test can share its store with the other dashboard tests;
 * completion rates, which do not subtract, are compared where the group holds only these histories. Every
 * disagreement is collected, then the test fails once naming them all (also written to
 * {@code target/consistency/}).
 * <p>
 * Seed: {@value #DEFAULT_SEED} unless {@code -Dconsistency.seed=…} says otherwise; the log prints it.
 */
class CrossEndpointConsistencyTest extends DashboardTest {

    static final long DEFAULT_SEED = 20201208L;
    private static final int AGREEMENTS = 70;
    private static final int PROJECTS = 70;
    private static final int PROGRAMMES = 70;
    private static final String NO_KEY = "(none)";

    private static final Map<String, String> PROGRAMME_GROUP = shape("", SERVICE);
    private static final Map<String, String> PROJECT_GROUP = shape("", "projects", "records",
            "agreedInvestment=agreedInvestment.yuan", "recordsWithAgreedInvestment",
            "actualInvestment=actualInvestment.yuan", "intentionProjects",
            "intentionAgreedInvestment=intentionAgreedInvestment.yuan",
            "plannedInvestment=plannedInvestment.yuan", "recordsWithPlannedInvestment");
    private static final Map<String, String> AGREEMENT_GROUP = join(shape("", "agreements", "inForce",
            "paymentsTotal=paymentsTotal.yuan"), shape("items.", LIST));

    private final Disagreements disagreements = new Disagreements();

    @Test
    void every_figure_agrees_across_record_views_lists_stats_summaries_overviews_audit_and_time_travel() {
        long seed = Long.getLong("consistency.seed", DEFAULT_SEED);
        int threads = Integer.getInteger("consistency.threads", 3);
        log("seed %d (repeat this run with -Dconsistency.seed=%d)", seed, seed);
        awaitProjections();
        Snapshot before = snapshot(null);

        long started = System.nanoTime();
        Recorded recorded = new RandomHistories(api, seed, TestData.unique("cx"), threads)
                .write(AGREEMENTS, PROJECTS, PROGRAMMES);
        log("wrote %d records in %d ms; writes per kind:%n%s", recorded.records(), millisSince(started),
                recorded.table());
        assertThat(recorded.records()).as("generated records").isGreaterThanOrEqualTo(200);
        assertThat(recorded.accepted().keySet()).as("every kind of write was accepted at least once")
                .containsAll(EnumSet.allOf(Step.class));
        recorded.unexpected().forEach(u -> disagreements.add("a write answered neither 2xx nor a 4xx problem", u));

        started = System.nanoTime();
        awaitProjections(Duration.ofSeconds(60));
        log("projections caught up in %d ms", millisSince(started));

        started = System.nanoTime();
        Instant now = Instant.now();
        Ledger ledger = read(recorded);
        Snapshot after = snapshot(now);
        compareProgrammes(ledger, now);
        compareAgreements(ledger, now);
        compareProjects(ledger, now);
        compareStatistics(ledger, before, after);
        compareSummary(ledger, before, after);
        compareAuditSummary(ledger, before, after);
        compareOverviews(ledger);
        log("compared %d figures in %d ms; %d disagreements:%n%s", disagreements.comparisons(),
                millisSince(started), disagreements.lines().size(), disagreements.summary());
        disagreements.assertNone(Path.of("target", "consistency", "disagreements-seed-" + seed + ".txt"));
    }

    // ------------------------------------------------------------------ what the ledger holds

    /** The record views and list rows of the histories' records, by id. */
    private record Ledger(Recorded recorded, Map<String, JsonNode> agreements, Map<String, JsonNode> projects,
                          Map<String, JsonNode> programmes, Map<String, JsonNode> agreementRows,
                          Map<String, JsonNode> projectRows, Map<String, JsonNode> programmeRows,
                          Map<String, Map<String, Set<String>>> listedForParty) {
    }

    /**
     * Reads every record view, and the list rows through the lists filtered by each party of the histories (every
     * record involves one of them, and other tests' records none).
     */
    private Ledger read(Recorded recorded) {
        Map<String, JsonNode> agreements = views("/api/agreements/", recorded.agreements());
        Map<String, JsonNode> projects = views("/api/projects/", recorded.projects());
        Map<String, JsonNode> programmes = views("/api/programmes/", recorded.programmes());
        markItemsOfUnknownListSize(programmes, recorded);
        Map<String, JsonNode> agreementRows = new LinkedHashMap<>();
        Map<String, JsonNode> projectRows = new LinkedHashMap<>();
        Map<String, JsonNode> programmeRows = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> listed = new LinkedHashMap<>();
        for (String party : recorded.parties()) {
            Map<String, Set<String>> ofParty = new LinkedHashMap<>();
            ofParty.put("agreements", rows("/api/agreements?party=" + party, agreementRows));
            ofParty.put("projects", rows("/api/projects?party=" + party, projectRows));
            ofParty.put("programmes", rows("/api/programmes?party=" + party, programmeRows));
            listed.put(party, ofParty);
        }
        return new Ledger(recorded, agreements, projects, programmes, agreementRows, projectRows, programmeRows,
                listed);
    }

    /**
     * The record view does not say which of a programme's items stands for a list of unknown size (its counts only
     * say how many), so the histories' own account of the listings the ledger accepted marks them, as
     * {@code listSizeUnknown} (the field the item has in the audit's as-of state, which is compared with it).
     */
    private static void markItemsOfUnknownListSize(Map<String, JsonNode> programmes, Recorded recorded) {
        recorded.itemsOfUnknownListSize().forEach((programme, items) -> {
            for (JsonNode item : programmes.get(programme).path("items")) {
                if (items.contains(item.path("itemId").asString())) {
                    ((ObjectNode) item).put("listSizeUnknown", true);
                }
            }
        });
    }

    private Map<String, JsonNode> views(String path, List<String> ids) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        ids.forEach(id -> views.put(id, ok(path + id)));
        return views;
    }

    /** Every page of a list; adds its rows to {@code rows} and answers the ids listed. */
    private Set<String> rows(String path, Map<String, JsonNode> rows) {
        Set<String> ids = new TreeSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = ok(path + "&size=200&page=" + page);
            answer.path("items").valueStream().forEach(row -> {
                ids.add(row.path("id").asString());
                rows.putIfAbsent(row.path("id").asString(), row);
            });
            if ((page + 1) * 200L >= answer.path("total").asLong()) {
                return ids;
            }
        }
    }

    /** The ledger-wide answers, read before and after the histories. */
    private record Snapshot(JsonNode summary, Map<String, JsonNode> summaryByPeriod, JsonNode auditSummary,
                            JsonNode auditSummaryAsOf, Map<String, JsonNode> stats) {
    }

    /** Every statistic by every groupBy, the summary and the audit summary (and, given {@code now}, as of now). */
    private Snapshot snapshot(Instant now) {
        Map<String, JsonNode> stats = new LinkedHashMap<>();
        StatsReadModel.PROGRAMME_GROUPS.forEach(g -> stats.put("programmes:" + g, ok("/api/stats/programmes?groupBy=" + g)));
        StatsReadModel.AGREEMENT_GROUPS.forEach(g -> stats.put("agreements:" + g, ok("/api/stats/agreements?groupBy=" + g)));
        StatsReadModel.PROJECT_GROUPS.forEach(g -> stats.put("projects:" + g, ok("/api/stats/projects?groupBy=" + g)));
        Map<String, JsonNode> byPeriod = new LinkedHashMap<>();
        for (String period : List.of("year", "month")) {
            byPeriod.put(period, ok("/api/summary?period=" + period));
        }
        return new Snapshot(ok("/api/summary"), byPeriod, ok("/api/audit/summary"),
                now == null ? null : ok("/api/audit/summary?recordedAt=" + now), stats);
    }

    // ------------------------------------------------------------------ programmes, record by record

    private void compareProgrammes(Ledger ledger, Instant now) {
        for (var entry : ledger.programmes().entrySet()) {
            String id = entry.getKey();
            JsonNode view = entry.getValue();
            String subject = "programme " + id;
            Figures meaning = serviceFigures(view.path("items"));
            compare(subject, meaning, "its items (the one meaning)",
                    Figures.read(view, shape("counts.", "planned", "addedLater", "completed", "completedOriginal",
                            "completedAddedLater", "withdrawn", "open", "ofListsOfUnknownSize")),
                    "GET /api/programmes/{id} counts");

            JsonNode row = ledger.programmeRows().get(id);
            if (present(subject, row, "GET /api/programmes?party= (row)")) {
                compare(subject, meaning, "GET /api/programmes/{id}", Figures.read(row, shape("items.", "planned",
                        "addedLater", "total", "completed", "withdrawn", "open")), "GET /api/programmes (row)");
                disagreements.check(subject, "completionRate", "GET /api/programmes/{id}",
                        meaning.serviceCompletionRate(), "GET /api/programmes (row)", row.path("items").path("completionRate"));
                disagreements.check(subject, "listSizeUnknown", "GET /api/programmes/{id}", meaning.listSizeUnknown(),
                        "GET /api/programmes (row)", row.path("items").path("listSizeUnknown").asBoolean());
                disagreements.check(subject, "version", "GET /api/programmes/{id}", view.path("version"),
                        "GET /api/programmes (row)", row.path("version"));
                disagreements.check(subject, "participants", "GET /api/programmes/{id}", codes(view.path("participants")),
                        "GET /api/programmes (row)", codes(row.path("participants")));
            }

            JsonNode byProgramme = ok("/api/stats/programmes?groupBy=programme&programme=" + id);
            JsonNode group = groups(byProgramme).get(id);
            if (!view.path("items").isEmpty() && present(subject, group,
                    "GET /api/stats/programmes?groupBy=programme (group)")) {
                compare(subject, meaning, "GET /api/programmes/{id}", Figures.read(group, PROGRAMME_GROUP),
                        "GET /api/stats/programmes?groupBy=programme (group)");
                disagreements.check(subject, "completionRate", "GET /api/programmes/{id}",
                        meaning.serviceCompletionRate(), "GET /api/stats/programmes?groupBy=programme (group)",
                        group.path("completionRate"));
                disagreements.check(subject, "listSizeUnknown", "GET /api/programmes/{id}", meaning.listSizeUnknown(),
                        "GET /api/stats/programmes?groupBy=programme (group)", group.path("listSizeUnknown").asBoolean());
            }

            Map<String, Figures> byCategory = serviceFiguresBy(view.path("items"), i -> List.of(key(i.path("category"))));
            Map<String, JsonNode> ownByCategory = new LinkedHashMap<>();
            view.path("countsByCategory").valueStream().forEach(c -> ownByCategory.put(c.path("category").asString(),
                    c.path("counts")));
            compareBreakdown(subject + " category", byCategory, ownByCategory, "GET /api/programmes/{id} countsByCategory",
                    groups(ok("/api/stats/programmes?groupBy=category&programme=" + id)),
                    "GET /api/stats/programmes?groupBy=category&programme={id} (group)");

            Map<String, Figures> byParty = serviceFiguresBy(view.path("items"), i -> codes(i.path("responsibleParties")));
            Map<String, JsonNode> ownByParty = new LinkedHashMap<>();
            view.path("countsByResponsibleParty").valueStream().forEach(c -> ownByParty.put(c.path("partyCode").asString(),
                    c.path("counts")));
            compareBreakdown(subject + " responsible party", byParty, ownByParty,
                    "GET /api/programmes/{id} countsByResponsibleParty",
                    groups(ok("/api/stats/programmes?groupBy=responsible&programme=" + id)),
                    "GET /api/stats/programmes?groupBy=responsible&programme={id} (group)");

            JsonNode asOf = ok("/api/audit/records/" + id + "/as-of?recordedAt=" + now);
            compare(subject, meaning, "GET /api/programmes/{id}", serviceFigures(asOf.path("state").path("items")),
                    "GET /api/audit/records/{id}/as-of?recordedAt=now (its items)");
            disagreements.check(subject, "version", "GET /api/programmes/{id}", view.path("version"),
                    "GET /api/audit/records/{id}/as-of?recordedAt=now", asOf.path("state").path("version"));
        }
    }

    /** One programme's figures per category or responsible party: from its items, its own counts, the stats. */
    private void compareBreakdown(String subject, Map<String, Figures> meaning, Map<String, JsonNode> own,
                                  String ownWhere, Map<String, JsonNode> stats, String statsWhere) {
        Set<String> keys = new TreeSet<>(meaning.keySet());
        keys.addAll(stats.keySet());
        for (String key : keys) {
            Figures expected = meaning.getOrDefault(key, Figures.NONE);
            if (!key.equals(NO_KEY)) {
                // the record view shows no counts for items without a category
                JsonNode counts = own.get(key);
                compare(subject + " «" + key + "»", expected, "its items (the one meaning)", counts == null
                        ? Figures.NONE : Figures.read(counts, shape("", "planned", "addedLater", "completed",
                        "completedOriginal", "completedAddedLater", "withdrawn", "open", "ofListsOfUnknownSize")),
                        ownWhere);
            }
            JsonNode group = stats.get(key);
            compare(subject + " «" + key + "»", expected, "GET /api/programmes/{id} items",
                    group == null ? Figures.NONE : Figures.read(group, PROGRAMME_GROUP), statsWhere);
            if (group != null) {
                disagreements.check(subject + " «" + key + "»", "completionRate", "GET /api/programmes/{id} items",
                        expected.serviceCompletionRate(), statsWhere, group.path("completionRate"));
            }
        }
    }

    // ------------------------------------------------------------------ agreements, record by record

    private void compareAgreements(Ledger ledger, Instant now) {
        for (var entry : ledger.agreements().entrySet()) {
            String id = entry.getKey();
            JsonNode view = entry.getValue();
            String subject = "agreement " + id;
            Figures meaning = agreementFigures(view);
            compare(subject, meaning, "its items and payments", Figures.read(view, join(shape("itemCounts.", LIST),
                    shape("", "paymentsTotal=paymentsTotal.yuan"))), "GET /api/agreements/{id}");

            JsonNode row = ledger.agreementRows().get(id);
            if (present(subject, row, "GET /api/agreements?party= (row)")) {
                String listRow = "GET /api/agreements (row)";
                compare(subject, meaning, "GET /api/agreements/{id}", Figures.read(row, join(shape("items.", LIST),
                        shape("", "paymentsTotal=paymentsTotal.yuan", "payments"))), listRow);
                disagreements.check(subject, "completionRate", "GET /api/agreements/{id}",
                        meaning.listCompletionRate(), listRow, row.path("items").path("completionRate"));
                disagreements.check(subject, "status", "GET /api/agreements/{id}", code(view.path("status")), listRow,
                        code(row.path("status")));
                disagreements.check(subject, "kind", "GET /api/agreements/{id}", code(view.path("kind")), listRow,
                        code(row.path("kind")));
                disagreements.check(subject, "signedOn", "GET /api/agreements/{id}", view.path("signedOn"), listRow,
                        row.path("signedOn"));
                disagreements.check(subject, "occasion", "GET /api/agreements/{id}", view.path("occasion"), listRow,
                        row.path("occasion"));
                disagreements.check(subject, "domains", "GET /api/agreements/{id}", codes(view.path("domains")),
                        listRow, codes(row.path("domains")));
                disagreements.check(subject, "signatories", "GET /api/agreements/{id}", codes(view.path("signatories")),
                        listRow, codes(row.path("signatories")));
                disagreements.check(subject, "observers", "GET /api/agreements/{id}", codes(view.path("observers")),
                        listRow, codes(row.path("observers")));
                disagreements.check(subject, "version", "GET /api/agreements/{id}", view.path("version"), listRow,
                        row.path("version"));
            }

            JsonNode state = ok("/api/audit/records/" + id + "/as-of?recordedAt=" + now).path("state");
            String timeTravel = "GET /api/audit/records/{id}/as-of?recordedAt=now";
            Figures then = listFigures(state.path("items")).plus(Figures.of("paymentsTotal", sumOf(state.path("payments"), "amount"),
                            "payments", state.path("payments").size()));
            compare(subject, meaning, "GET /api/agreements/{id}", then, timeTravel);
            disagreements.check(subject, "status", "GET /api/agreements/{id}", code(view.path("status")), timeTravel,
                    code(state.path("status")));
            disagreements.check(subject, "signatories", "GET /api/agreements/{id}", codes(view.path("signatories")),
                    timeTravel, participants(state, "SIGNATORY"));
            disagreements.check(subject, "version", "GET /api/agreements/{id}", view.path("version"), timeTravel,
                    state.path("version"));
        }
    }

    // ------------------------------------------------------------------ projects, record by record

    private void compareProjects(Ledger ledger, Instant now) {
        for (var entry : ledger.projects().entrySet()) {
            String id = entry.getKey();
            JsonNode view = entry.getValue();
            String subject = "project " + id;
            Figures meaning = projectFigures(view);
            disagreements.check(subject, "actualInvestment", "its investment reports", meaning.get("actualInvestment"),
                    "GET /api/projects/{id}", view.path("actualInvestment").path("yuan"));

            JsonNode row = ledger.projectRows().get(id);
            if (present(subject, row, "GET /api/projects?party= (row)")) {
                String listRow = "GET /api/projects (row)";
                compare(subject, meaning, "GET /api/projects/{id}", Figures.read(row, shape("",
                        "projects=projectCount", "agreedInvestment=agreedInvestment.yuan",
                        "plannedInvestment=plannedInvestment.yuan",
                        "actualInvestment=actualInvestment.yuan")), listRow);
                disagreements.check(subject, "intention (still an intention)", "GET /api/projects/{id}",
                        stillAnIntention(view), listRow, row.path("intention"));
                disagreements.check(subject, "status", "GET /api/projects/{id}", code(view.path("status")), listRow,
                        code(row.path("status")));
                disagreements.check(subject, "signedOn", "GET /api/projects/{id}",
                        view.path("milestones").path("signedOn"), listRow, row.path("signedOn"));
                disagreements.check(subject, "occasion", "GET /api/projects/{id}", view.path("occasion"), listRow,
                        row.path("occasion"));
                disagreements.check(subject, "domain", "GET /api/projects/{id}", code(view.path("domain")), listRow,
                        code(row.path("domain")));
                disagreements.check(subject, "hostParties", "GET /api/projects/{id}", codes(view.path("hostParties")),
                        listRow, codes(row.path("hostParties")));
                disagreements.check(subject, "investors", "GET /api/projects/{id}", codes(view.path("investors")),
                        listRow, codes(row.path("investors")));
                disagreements.check(subject, "version", "GET /api/projects/{id}", view.path("version"), listRow,
                        row.path("version"));
            }

            JsonNode state = ok("/api/audit/records/" + id + "/as-of?recordedAt=" + now).path("state");
            String timeTravel = "GET /api/audit/records/{id}/as-of?recordedAt=now";
            compare(subject, meaning, "GET /api/projects/{id}", Figures.of("projects", state.path("projectCount"),
                    "agreedInvestment", state.path("agreedInvestment"),
                    "plannedInvestment", state.path("plannedInvestment"),
                    "actualInvestment", sumOf(state.path("reports"), "amount")), timeTravel);
            disagreements.check(subject, "status", "GET /api/projects/{id}", code(view.path("status")), timeTravel,
                    code(state.path("status")));
            disagreements.check(subject, "version", "GET /api/projects/{id}", view.path("version"), timeTravel,
                    state.path("version"));
        }
    }

    // ------------------------------------------------------------------ statistics, group by group

    /**
     * Every groupBy of every statistic: each group moved by what the record views of the histories put in it, and the
     * total by all of them; rates where the group holds only the histories' records.
     */
    private void compareStatistics(Ledger ledger, Snapshot before, Snapshot after) {
        for (String groupBy : StatsReadModel.PROGRAMME_GROUPS) {
            Map<String, Figures> expected = new LinkedHashMap<>();
            for (var programme : ledger.programmes().entrySet()) {
                for (JsonNode item : programme.getValue().path("items")) {
                    List<String> keys = switch (groupBy) {
                        case "programme" -> List.of(programme.getKey());
                        case "category" -> List.of(key(item.path("category")));
                        case "responsible" -> codes(item.path("responsibleParties"));
                        default -> throw new AssertionError("no expectation for stats/programmes groupBy=" + groupBy);
                    };
                    keys.forEach(k -> expected.merge(k, serviceItem(item), Figures::plus));
                }
            }
            Figures total = sumAll(ledger.programmes().values(), v -> serviceFigures(v.path("items")));
            compareGroups("programmes", groupBy, before, after, expected, total, PROGRAMME_GROUP,
                    Figures::serviceCompletionRate, "completionRate");
        }
        for (String groupBy : StatsReadModel.AGREEMENT_GROUPS) {
            Map<String, Figures> expected = new LinkedHashMap<>();
            for (JsonNode view : ledger.agreements().values()) {
                List<String> keys = switch (groupBy) {
                    case "domain" -> codes(view.path("domains"));
                    case "party" -> codes(view.path("participants"), "partyCode");
                    case "kind" -> List.of(code(view.path("kind")));
                    case "status" -> List.of(code(view.path("status")));
                    case "occasion" -> List.of(key(view.path("occasion")));
                    case "month" -> List.of(view.path("signedOn").asString().substring(0, 7));
                    case "year" -> List.of(view.path("signedOn").asString().substring(0, 4));
                    default -> throw new AssertionError("no expectation for stats/agreements groupBy=" + groupBy);
                };
                keys.forEach(k -> expected.merge(k, agreementFigures(view), Figures::plus));
            }
            Figures total = sumAll(ledger.agreements().values(), this::agreementFigures);
            compareGroups("agreements", groupBy, before, after, expected, total, AGREEMENT_GROUP,
                    Figures::listCompletionRate, "items.completionRate");
        }
        for (String groupBy : StatsReadModel.PROJECT_GROUPS) {
            Map<String, Figures> expected = new LinkedHashMap<>();
            for (JsonNode view : ledger.projects().values()) {
                String signedOn = view.path("milestones").path("signedOn").asString();
                List<String> keys = switch (groupBy) {
                    case "host" -> codes(view.path("hostParties"));
                    case "investor" -> codes(view.path("investors"));
                    case "domain" -> List.of(code(view.path("domain")));
                    case "occasion" -> List.of(key(view.path("occasion")));
                    case "status" -> List.of(code(view.path("status")));
                    case "month" -> List.of(signedOn.substring(0, 7));
                    case "year" -> List.of(signedOn.substring(0, 4));
                    default -> throw new AssertionError("no expectation for stats/projects groupBy=" + groupBy);
                };
                keys.forEach(k -> expected.merge(k, projectFigures(view), Figures::plus));
            }
            Figures total = sumAll(ledger.projects().values(), this::projectFigures);
            compareGroups("projects", groupBy, before, after, expected, total, PROJECT_GROUP, null, null);
        }
    }

    private void compareGroups(String concept, String groupBy, Snapshot before, Snapshot after,
                               Map<String, Figures> expected, Figures expectedTotal, Map<String, String> shape,
                               Function<Figures, BigDecimal> rate, String ratePath) {
        String where = "GET /api/stats/" + concept + "?groupBy=" + groupBy;
        JsonNode then = before.stats().get(concept + ":" + groupBy);
        JsonNode now = after.stats().get(concept + ":" + groupBy);
        Map<String, JsonNode> groupsBefore = groups(then);
        Map<String, JsonNode> groupsAfter = groups(now);
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(groupsAfter.keySet());
        keys.addAll(groupsBefore.keySet());
        for (String key : keys) {
            String subject = "stats/" + concept + " groupBy=" + groupBy + " group «" + key + "»";
            compareMoved(subject, expected.getOrDefault(key, Figures.NONE), groupsBefore.get(key),
                    groupsAfter.get(key), shape, where + " (group)");
            if (rate != null && !groupsBefore.containsKey(key) && groupsAfter.containsKey(key)) {
                disagreements.check(subject, "completionRate", "Σ record views",
                        rate.apply(expected.getOrDefault(key, Figures.NONE)), where + " (group)",
                        Figures.at(groupsAfter.get(key), ratePath));
            }
        }
        String subject = "stats/" + concept + " groupBy=" + groupBy + " total";
        compareMoved(subject, expectedTotal, then.path("total"), now.path("total"), shape, where + " (total)");
        if (rate != null && Figures.read(then.path("total"), shape).values().values().stream()
                .allMatch(v -> v == null || v.signum() == 0)) {
            disagreements.check(subject, "completionRate", "Σ record views", rate.apply(expectedTotal),
                    where + " (total)", Figures.at(now.path("total"), ratePath));
        }
    }

    // ------------------------------------------------------------------ summary and audit summary

    private void compareSummary(Ledger ledger, Snapshot before, Snapshot after) {
        Figures agreements = sumAll(ledger.agreements().values(), this::agreementFigures);
        Figures projects = sumAll(ledger.projects().values(), this::projectFigures);
        Figures cancelled = sumAll(ledger.projects().values().stream()
                .filter(v -> "CANCELLED".equals(code(v.path("status")))).toList(), this::projectFigures);
        Figures live = projects.minus(cancelled);
        Figures programmeItems = sumAll(ledger.programmes().values(), v -> serviceFigures(v.path("items")));
        Figures expected = Figures.of("parties", ledger.recorded().parties().size(),
                        "agreements.total", agreements.get("agreements"), "agreements.inForce", agreements.get("inForce"),
                        "agreements.ended", agreements.sum("agreements").subtract(agreements.sum("inForce")),
                        "paymentsTotal", agreements.get("paymentsTotal"))
                .plus(prefixed("projects.live.", live, PROJECT_PART))
                .plus(prefixed("projects.cancelled.", cancelled, PROJECT_PART))
                .plus(prefixed("cooperationItems.", agreements, LIST))
                .plus(prefixed("projects.", projects, "projects", "records", "agreedInvestment", "actualInvestment",
                        "plannedInvestment"))
                .plus(prefixed("programmeItems.", programmeItems, "planned", "addedLater", "total", "completed",
                        "withdrawn", "open"));
        Map<String, String> shape = join(shape("", "parties", "agreements.total", "agreements.inForce",
                        "paymentsTotal=paymentsTotal.yuan", "projects.projects", "projects.records",
                        "projects.agreedInvestment=projects.agreedInvestment.yuan",
                        "projects.actualInvestment=projects.actualInvestment.yuan",
                        "projects.plannedInvestment=projects.plannedInvestment.yuan", "agreements.ended"),
                shape("", projectPartShape("projects.live.")), shape("", projectPartShape("projects.cancelled.")),
                shape("", prefixedNames("cooperationItems.", LIST)),
                shape("", prefixedNames("programmeItems.", "planned", "addedLater", "total", "completed", "withdrawn",
                        "open")));
        compareMoved("summary", expected, before.summary(), after.summary(), shape, "GET /api/summary");
        if (before.summary().path("cooperationItems").path("total").asLong() == 0) {
            disagreements.check("summary", "cooperationItems.completionRate", "Σ record views",
                    agreements.listCompletionRate(), "GET /api/summary",
                    after.summary().path("cooperationItems").path("completionRate"));
        }
        for (String period : before.summaryByPeriod().keySet()) {
            compareSummaryPeriods(ledger, period, before.summaryByPeriod().get(period),
                    after.summaryByPeriod().get(period));
        }
        JsonNode itemsBefore = before.summary().path("programmeItems");
        if (itemsBefore.path("total").asLong() + itemsBefore.path("withdrawn").asLong() == 0) {
            disagreements.check("summary", "programmeItems.completionRate", "Σ record views",
                    programmeItems.serviceCompletionRate(), "GET /api/summary",
                    after.summary().path("programmeItems").path("completionRate"));
        }
    }

    /**
     * The summary's breakdown by year or month: signings by their (corrected) signing date, completions by their
     * completion date.
     */
    private void compareSummaryPeriods(Ledger ledger, String period, JsonNode before, JsonNode after) {
        int length = period.equals("year") ? 4 : 7;
        Map<String, Figures> expected = new TreeMap<>();
        for (JsonNode view : ledger.agreements().values()) {
            expected.merge(view.path("signedOn").asString().substring(0, length),
                    Figures.of("agreementsSigned", 1, "agreementsInForce",
                            code(view.path("status")).equals("IN_FORCE") ? 1 : 0,
                            "agreementsEnded", code(view.path("status")).equals("IN_FORCE") ? 0 : 1), Figures::plus);
            for (JsonNode item : view.path("items")) {
                if (code(item.path("status")).equals("COMPLETED")) {
                    expected.merge(item.path("completedOn").asString().substring(0, length),
                            Figures.of("cooperationItemsCompleted", item.path("itemCount")), Figures::plus);
                }
            }
        }
        for (JsonNode view : ledger.projects().values()) {
            Figures figures = projectFigures(view);
            String part = "CANCELLED".equals(code(view.path("status"))) ? "cancelledProjects." : "liveProjects.";
            expected.merge(view.path("milestones").path("signedOn").asString().substring(0, length),
                    Figures.of("projectsSigned", figures.get("projects"),
                            "agreedInvestment", figures.sum("agreedInvestment"))
                            .plus(prefixed(part, figures, PROJECT_PART)), Figures::plus);
        }
        for (JsonNode view : ledger.programmes().values()) {
            for (JsonNode item : view.path("items")) {
                if (code(item.path("status")).equals("COMPLETED")) {
                    expected.merge(item.path("completedOn").asString().substring(0, length),
                            Figures.of("programmeItemsCompleted", item.path("itemCount")), Figures::plus);
                }
            }
        }
        Map<String, JsonNode> periodsBefore = periods(before);
        Map<String, JsonNode> periodsAfter = periods(after);
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(periodsAfter.keySet());
        Map<String, String> shape = join(shape("", "agreementsSigned", "agreementsInForce", "agreementsEnded",
                        "projectsSigned", "agreedInvestment=agreedInvestment.yuan", "cooperationItemsCompleted",
                        "programmeItemsCompleted"),
                shape("", projectPartShape("liveProjects.")), shape("", projectPartShape("cancelledProjects.")));
        for (String key : keys) {
            compareMoved("summary period «" + key + "»", expected.getOrDefault(key, Figures.NONE),
                    periodsBefore.get(key), periodsAfter.get(key), shape, "GET /api/summary?period=" + period);
        }
    }

    private static Map<String, JsonNode> periods(JsonNode summary) {
        Map<String, JsonNode> periods = new LinkedHashMap<>();
        summary.path("periods").valueStream().forEach(p -> periods.put(p.path("period").asString(), p));
        return periods;
    }

    private void compareAuditSummary(Ledger ledger, Snapshot before, Snapshot after) {
        Figures agreements = sumAll(ledger.agreements().values(), this::agreementFigures);
        Figures projects = sumAll(ledger.projects().values(), this::projectFigures);
        Figures live = sumAll(ledger.projects().values().stream()
                .filter(v -> !"CANCELLED".equals(code(v.path("status")))).toList(), this::projectFigures);
        Figures programmeItems = sumAll(ledger.programmes().values(), v -> serviceFigures(v.path("items")));
        Figures expected = Figures.of("parties", ledger.recorded().parties().size(),
                "agreements.total", agreements.get("agreements"), "agreements.items", agreements.get("total"),
                "agreements.ended", agreements.sum("agreements").subtract(agreements.sum("inForce")),
                "projects.liveRecords", live.get("records"), "projects.liveProjectCount", live.get("projects"),
                "projects.liveAgreedInvestmentYuan", live.get("agreedInvestment"),
                "projects.plannedInvestmentYuan", projects.get("plannedInvestment"),
                "projects.livePlannedInvestmentYuan", live.get("plannedInvestment"),
                "agreements.itemsCompleted", agreements.get("completed"),
                "agreements.paymentsYuan", agreements.get("paymentsTotal"),
                "projects.records", projects.get("records"), "projects.projectCount", projects.get("projects"),
                "projects.agreedInvestmentYuan", projects.get("agreedInvestment"),
                "projects.actualInvestmentYuan", projects.get("actualInvestment"),
                "programmes.total", ledger.programmes().size(),
                "programmes.itemsPlanned", programmeItems.get("planned"),
                "programmes.itemsAddedLater", programmeItems.get("addedLater"),
                "programmes.itemsCompleted", programmeItems.get("completed"));
        for (String status : List.of("IN_FORCE", "EXPIRED", "TERMINATED", "SUPERSEDED")) {
            expected = expected.plus(Figures.of("agreements.byStatus." + status, ledger.agreements().values().stream()
                    .filter(v -> code(v.path("status")).equals(status)).count()));
        }
        for (String status : List.of("INTENTION", "SIGNED", "UNDER_CONSTRUCTION", "IN_OPERATION", "CANCELLED")) {
            expected = expected.plus(Figures.of("projects.byStatus." + status, ledger.projects().values().stream()
                    .filter(v -> code(v.path("status")).equals(status))
                    .mapToLong(v -> v.path("projectCount").asLong()).sum()));
        }
        Map<String, String> shape = shape("", expected.names().toArray(String[]::new));
        compareMoved("audit summary", expected, before.auditSummary(), after.auditSummary(), shape,
                "GET /api/audit/summary");
        compareMoved("audit summary", expected, before.auditSummary(), after.auditSummaryAsOf(), shape,
                "GET /api/audit/summary?recordedAt=now");
    }

    // ------------------------------------------------------------------ party overviews

    /**
     * The overview of every party of the histories, against the records that involve it as the overview defines
     * it: signs (signatory now), observes (observer now), hosts, invests in, and is responsible for items.
     */
    private void compareOverviews(Ledger ledger) {
        for (String party : ledger.recorded().parties()) {
            JsonNode overview = ok("/api/parties/" + party + "/overview");
            String subject = "party " + party;
            String where = "GET /api/parties/{code}/overview";
            for (String role : List.of("SIGNATORY", "OBSERVER")) {
                String part = role.equals("SIGNATORY") ? "signed" : "observes";
                Figures expected = Figures.NONE;
                for (JsonNode view : ledger.agreements().values()) {
                    if (participants(view, role).contains(party)) {
                        expected = expected.plus(agreementFigures(view));
                    }
                }
                compareAbsolute(subject, expected.plus(Figures.of("ended",
                                expected.sum("agreements").subtract(expected.sum("inForce")))), overview.path(part),
                        join(shape("", "agreements", "inForce", "ended", "paymentsTotal=paymentsTotal.yuan"),
                                shape("items.", LIST)), where + " " + part);
                disagreements.check(subject, "completionRate", "Σ record views", expected.listCompletionRate(),
                        where + " " + part, overview.path(part).path("items").path("completionRate"));
            }
            for (String part : List.of("hosts", "investsIn")) {
                String parties = part.equals("hosts") ? "hostParties" : "investors";
                Figures expected = Figures.NONE;
                for (JsonNode view : ledger.projects().values()) {
                    if (codes(view.path(parties)).contains(party)) {
                        String split = "CANCELLED".equals(code(view.path("status"))) ? "cancelled." : "live.";
                        Figures figures = projectFigures(view);
                        expected = expected.plus(figures).plus(prefixed(split, figures, PROJECT_PART));
                    }
                }
                compareAbsolute(subject, expected, overview.path(part), join(shape("", "projects", "records",
                        "agreedInvestment=agreedInvestment.yuan", "actualInvestment=actualInvestment.yuan",
                        "plannedInvestment=plannedInvestment.yuan"), shape("", projectPartShape("live.")),
                        shape("", projectPartShape("cancelled."))), where + " " + part);
            }
            Figures cooperation = Figures.NONE;
            for (JsonNode view : ledger.agreements().values()) {
                for (JsonNode item : view.path("items")) {
                    if (codes(item.path("responsibleParties")).contains(party)) {
                        cooperation = cooperation.plus(Figures.listItem(code(item.path("status")),
                                item.path("itemCount").asLong()));
                    }
                }
            }
            JsonNode responsible = overview.path("responsibleFor");
            compareAbsolute(subject, cooperation, responsible.path("cooperationItems"), shape("", LIST),
                    where + " responsibleFor.cooperationItems");
            disagreements.check(subject, "completionRate", "Σ record views", cooperation.listCompletionRate(),
                    where + " responsibleFor.cooperationItems", responsible.path("cooperationItems").path("completionRate"));
            Figures service = Figures.NONE;
            for (JsonNode view : ledger.programmes().values()) {
                for (JsonNode item : view.path("items")) {
                    if (codes(item.path("responsibleParties")).contains(party)) {
                        service = service.plus(serviceItem(item));
                    }
                }
            }
            compareAbsolute(subject, service, responsible.path("programmeItems"), shape("", "planned", "addedLater",
                    "total", "completed", "withdrawn", "open"), where + " responsibleFor.programmeItems");
            disagreements.check(subject, "completionRate", "Σ record views", service.serviceCompletionRate(),
                    where + " responsibleFor.programmeItems", responsible.path("programmeItems").path("completionRate"));

            compareListed(ledger, party);
        }
    }

    /** The lists filtered by a party hold exactly the records that involve it as each list defines it. */
    private void compareListed(Ledger ledger, String party) {
        Map<String, Set<String>> listed = ledger.listedForParty().get(party);
        Set<String> agreements = ledger.agreements().entrySet().stream()
                .filter(e -> codes(e.getValue().path("participants"), "partyCode").contains(party))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        disagreements.check("party " + party, "agreements it signs or observes", "GET /api/agreements/{id}",
                agreements, "GET /api/agreements?party={code}", listed.get("agreements"));
        Set<String> projects = ledger.projects().entrySet().stream()
                .filter(e -> codes(e.getValue().path("hostParties")).contains(party)
                        || codes(e.getValue().path("investors")).contains(party))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        disagreements.check("party " + party, "projects it hosts or invests in", "GET /api/projects/{id}", projects,
                "GET /api/projects?party={code}", listed.get("projects"));
        Set<String> programmes = ledger.programmes().entrySet().stream()
                .filter(e -> codes(e.getValue().path("participants")).contains(party)
                        || e.getValue().path("items").valueStream()
                        .anyMatch(i -> codes(i.path("responsibleParties")).contains(party)))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        disagreements.check("party " + party, "programmes it takes part in or has items of",
                "GET /api/programmes/{id}", programmes, "GET /api/programmes?party={code}", listed.get("programmes"));
    }

    // ------------------------------------------------------------------ figures of one record

    /** The figures of a programme's items (from its record view or its state as of an instant). */
    private static Figures serviceFigures(JsonNode items) {
        Figures figures = Figures.of((Object[]) zeros(SERVICE)).plus(Figures.of("ofListsOfUnknownSize", 0));
        for (JsonNode item : items) {
            figures = figures.plus(serviceItem(item));
        }
        return figures;
    }

    private static Map<String, Figures> serviceFiguresBy(JsonNode items, Function<JsonNode, List<String>> keys) {
        Map<String, Figures> by = new LinkedHashMap<>();
        for (JsonNode item : items) {
            keys.apply(item).forEach(k -> by.merge(k, serviceItem(item), Figures::plus));
        }
        return by;
    }

    private static Figures serviceItem(JsonNode item) {
        return Figures.serviceItem(item.path("addedLater").asBoolean(), code(item.path("status")),
                item.path("itemCount").asLong(), item.path("listSizeUnknown").asBoolean());
    }

    private static Figures listFigures(JsonNode items) {
        Figures figures = Figures.of((Object[]) zeros(LIST));
        for (JsonNode item : items) {
            figures = figures.plus(Figures.listItem(code(item.path("status")), item.path("itemCount").asLong()));
        }
        return figures;
    }

    /** One agreement as the statistics count it: itself, in force or not, its list and what was paid under it. */
    private Figures agreementFigures(JsonNode view) {
        return Figures.of("agreements", 1, "inForce", code(view.path("status")).equals("IN_FORCE") ? 1 : 0,
                        "paymentsTotal", sumOf(view.path("payments"), "amount.yuan"),
                        "payments", view.path("payments").size())
                .plus(listFigures(view.path("items")));
    }

    /**
     * One project as the statistics count it: the projects it stands for, the record, its agreed investment (null
     * when not reported), the sum of its investment reports, and whether it is still an intention.
     */
    private Figures projectFigures(JsonNode view) {
        long count = view.path("projectCount").asLong();
        BigDecimal agreed = Figures.decimal(view.path("agreedInvestment").path("yuan"));
        boolean intention = stillAnIntention(view);
        BigDecimal planned = Figures.decimal(view.path("plannedInvestment").path("yuan"));
        return Figures.of("projects", count, "records", 1, "agreedInvestment", agreed,
                "recordsWithAgreedInvestment", agreed == null ? 0 : 1,
                "plannedInvestment", planned, "recordsWithPlannedInvestment", planned == null ? 0 : 1,
                "actualInvestment", sumOf(view.path("reports"), "amount.yuan"),
                "intentionProjects", intention ? count : 0,
                "intentionAgreedInvestment", intention && agreed != null ? agreed : BigDecimal.ZERO);
    }

    /** Signed as an intention (意向) and not firmed up since. */
    private static boolean stillAnIntention(JsonNode view) {
        return view.path("signedAsIntention").asBoolean() && view.path("milestones").path("firmedUpOn").isNull();
    }

    // ------------------------------------------------------------------ comparing

    /** Every figure of {@code b} against the same figure of {@code a}. */
    private void compare(String subject, Figures a, String whereA, Figures b, String whereB) {
        for (String name : b.names()) {
            disagreements.check(subject, name, whereA, a.get(name), whereB, b.get(name));
        }
    }

    /** The figures an endpoint shows in {@code node}, against {@code expected}, sums (absent counts as zero). */
    private void compareAbsolute(String subject, Figures expected, JsonNode node, Map<String, String> shape,
                                 String where) {
        Figures shown = Figures.read(node, shape);
        for (String name : shape.keySet()) {
            disagreements.check(subject, name, "Σ record views", expected.sum(name), where, shown.sum(name));
        }
    }

    /** How much a ledger-wide answer moved while the histories were written, against what they hold. */
    private void compareMoved(String subject, Figures expected, JsonNode before, JsonNode after,
                              Map<String, String> shape, String where) {
        Figures moved = (after == null ? Figures.NONE : Figures.read(after, shape))
                .minus(before == null ? Figures.NONE : Figures.read(before, shape));
        for (String name : shape.keySet()) {
            disagreements.check(subject, name, "Σ record views", expected.sum(name), where + " (moved by)",
                    moved.sum(name));
        }
    }

    /** A record's row or group must be there at all. */
    private boolean present(String subject, JsonNode node, String where) {
        if (node == null) {
            disagreements.add("missing from " + where, subject + " is missing from " + where);
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ reading JSON

    private JsonNode ok(String path) {
        Reply reply = api.get(path).send();
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        return reply.json();
    }

    /** The groups of a statistics answer by key; a null key (未注明) as {@value #NO_KEY}. */
    private static Map<String, JsonNode> groups(JsonNode stats) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        stats.path("groups").valueStream().forEach(g -> groups.put(key(g.path("key")), g));
        return groups;
    }

    private static String key(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? NO_KEY : node.asString();
    }

    /** A vocabulary value's code, whether shown as a label ({@code {"code":…}}) or as the plain code. */
    private static String code(JsonNode node) {
        return node.isObject() ? node.path("code").asString() : node.isNull() ? null : node.asString();
    }

    /** Codes in a list of codes, labels or party references, sorted. */
    private static List<String> codes(JsonNode list) {
        return list.valueStream().map(CrossEndpointConsistencyTest::code).sorted().toList();
    }

    private static List<String> codes(JsonNode list, String field) {
        return list.valueStream().map(n -> n.path(field).asString()).sorted().toList();
    }

    /** The parties of an agreement (record view or state) in {@code role} now, sorted. */
    private static List<String> participants(JsonNode agreement, String role) {
        return agreement.path("participants").valueStream()
                .filter(p -> role.equals(code(p.path("role"))))
                .map(p -> p.path("partyCode").asString()).sorted().toList();
    }

    private static BigDecimal sumOf(JsonNode list, String path) {
        return list.valueStream().map(n -> Figures.decimal(Figures.at(n, path))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static Figures sumAll(java.util.Collection<JsonNode> views, Function<JsonNode, Figures> figures) {
        return views.stream().map(figures).reduce(Figures.NONE, Figures::plus);
    }

    private static Figures prefixed(String prefix, Figures figures, String... names) {
        Figures result = Figures.NONE;
        for (String name : names) {
            result = result.plus(Figures.of(prefix + name, figures.sum(name)));
        }
        return result;
    }

    /** The figures of the live or the cancelled part of a set of projects, as the summary splits them. */
    private static final String[] PROJECT_PART = {"projects", "records", "agreedInvestment", "actualInvestment",
            "intentionProjects", "intentionAgreedInvestment", "plannedInvestment"};

    private static String[] projectPartShape(String prefix) {
        return new String[] {prefix + "projects", prefix + "records",
                prefix + "agreedInvestment=" + prefix + "agreedInvestment.yuan",
                prefix + "actualInvestment=" + prefix + "actualInvestment.yuan", prefix + "intentionProjects",
                prefix + "intentionAgreedInvestment=" + prefix + "intentionAgreedInvestment.yuan",
                prefix + "plannedInvestment=" + prefix + "plannedInvestment.yuan"};
    }

    private static String[] prefixedNames(String prefix, String... names) {
        String[] result = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = prefix + names[i];
        }
        return result;
    }

    private static Object[] zeros(String... names) {
        List<Object> pairs = new ArrayList<>();
        for (String name : names) {
            pairs.add(name);
            pairs.add(0);
        }
        return pairs.toArray();
    }

    @SafeVarargs
    private static Map<String, String> join(Map<String, String>... shapes) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (Map<String, String> shape : shapes) {
            joined.putAll(shape);
        }
        return joined;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[consistency] " + format + "%n", args);
    }
}
