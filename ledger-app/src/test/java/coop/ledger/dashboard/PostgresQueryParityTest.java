package coop.ledger.dashboard;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.app.LedgerApplication;
import coop.ledger.processing.Projections;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.testing.PostgresNodes;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection tables (V5) and the query SQL work on PostgreSQL: one small history, with batches and every kind
 * of correction, recorded on a PostgreSQL node and on an H2 node, reads back as the same figures from both.
 */
class PostgresQueryParityTest {

    private static final String OCCASION = "2020川渝国企万州行";
    private static final LocalDate SIGNED = LocalDate.of(2020, 12, 8);

    private static ConfigurableApplicationContext postgres;
    private static ConfigurableApplicationContext h2;

    @BeforeAll
    static void startBothNodes() {
        LedgerApplication.quietAxon();
        long started = System.nanoTime();
        CompletableFuture<ConfigurableApplicationContext> pg = CompletableFuture.supplyAsync(
                () -> PostgresNodes.freshDatabase().start("pg-parity"));
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=./target/test-data/h2-parity-" + UUID.randomUUID(),
                "--server.port=0"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        h2 = new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
        postgres = pg.join();
        long recording = System.nanoTime();
        record(postgres);
        record(h2);
        System.out.printf("PostgreSQL/H2 parity: both nodes started in %.1f s, history recorded and projected on "
                + "both in %.1f s%n", (recording - started) / 1e9, (System.nanoTime() - recording) / 1e9);
    }

    @AfterAll
    static void stopBothNodes() {
        if (postgres != null) {
            postgres.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    @Test
    void the_main_query_endpoints_answer_the_same_figures_on_postgresql_and_h2() {
        String occasion = URLEncoder.encode(OCCASION, StandardCharsets.UTF_8);
        List<String> paths = List.of("/api/summary?period=year", "/api/summary?period=month",
                "/api/agreements", "/api/projects", "/api/programmes", "/api/parties?size=50",
                "/api/parties/wanzhou/overview", "/api/parties/kaizhou/overview",
                "/api/stats/projects?groupBy=occasion", "/api/stats/projects?groupBy=host",
                "/api/stats/projects?groupBy=status", "/api/stats/projects?groupBy=month",
                "/api/stats/agreements?groupBy=party", "/api/stats/agreements?groupBy=domain",
                "/api/stats/agreements?groupBy=year&occasion=" + occasion,
                "/api/stats/programmes?groupBy=category", "/api/stats/programmes?groupBy=responsible");
        for (String path : paths) {
            assertThat(figures(postgres, path)).as("GET %s on PostgreSQL and on H2", path)
                    .isEqualTo(figures(h2, path));
        }
        JsonNode stats = figures(postgres, "/api/stats/projects?groupBy=occasion").get("total");
        assertThat(stats.get("projects").asLong()).isEqualTo(42 + 1 + 3);
        assertThat(stats.get("intentionProjects").asLong()).isEqualTo(3);
        assertThat(stats.at("/actualInvestment/yuan").asString()).isEqualTo("200000000");
        JsonNode summary = figures(postgres, "/api/summary");
        assertThat(summary.at("/cooperationItems/total").asLong()).isEqualTo(84);
        assertThat(summary.at("/paymentsTotal/yuan").asString()).isEqualTo("9000000");
        assertThat(summary.at("/programmeItems/completed").asLong()).isEqualTo(150 + 19);
    }

    /** The endpoint's JSON without what says when and where events were stored. */
    private static JsonNode figures(ConfigurableApplicationContext node, String path) {
        Reply reply = PostgresNodes.api(node).get(path).send();
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        JsonNode json = reply.json();
        if (json instanceof ObjectNode object) {
            object.remove(List.of("lastEventPosition", "lastUpdatedAt"));
        }
        return json;
    }

    private static void record(ConfigurableApplicationContext node) {
        append(node, "Party", "wanzhou", new PartyRegisteredEvent("wanzhou", "万州区", "Wanzhou", PartyKind.GOVERNMENT,
                null, null));
        append(node, "Party", "kaizhou", new PartyRegisteredEvent("kaizhou", "开州区", "Kaizhou", PartyKind.GOVERNMENT,
                null, null));
        append(node, "Agreement", "mingyueshan",
                new AgreementSignedEvent("mingyueshan", "共建明月山绿色发展示范带合作协议", AgreementKind.FRAMEWORK,
                        List.of("wanzhou", "kaizhou"), List.of(), SIGNED, "万州", OCCASION,
                        Set.of(CooperationDomain.ECOLOGY, CooperationDomain.INDUSTRY), null),
                new CooperationItemListedEvent("mingyueshan", "joint", "共建事项", null, List.of("wanzhou"), null,
                        SIGNED, 83, "来源只报总数"),
                new CooperationItemListedEvent("mingyueshan", "one", "单项", null, List.of("kaizhou"), null, SIGNED,
                        null, null),
                new CooperationItemCompletedEvent("mingyueshan", "joint", LocalDate.of(2021, 6, 30), "完成"),
                new PaymentRecordedEvent("mingyueshan", "p1", "wanzhou", "kaizhou", Money.parse("1000万元"),
                        LocalDate.of(2021, 6, 1), null),
                new PaymentRecordedEvent("mingyueshan", "p2", "wanzhou", "kaizhou", Money.parse("100万元"),
                        LocalDate.of(2021, 9, 1), null),
                new PaymentCorrectedEvent("mingyueshan", "p1", 4, null, null, Money.parse("800万元"), null, "录错",
                        LocalDate.of(2021, 6, 1)),
                new AgreementSigningCorrectedEvent("mingyueshan", 0, null, LocalDate.of(2020, 12, 9), null, null,
                        "日期录错", LocalDate.of(2020, 12, 9)));
        append(node, "Project", "soebatch",
                new ProjectSignedEvent("soebatch", "川渝国企万州行签约项目", List.of("kaizhou"), List.of("wanzhou"),
                        OCCASION, null, CooperationDomain.INDUSTRY, Money.parse("1153亿元"), SIGNED, false, 43, null),
                new ProjectCorrectedEvent("soebatch", 0, Money.parse("1150亿元"), null, List.of("wanzhou", "kaizhou"),
                        null, null, null, 42, "录错", SIGNED));
        append(node, "Project", "plant",
                new ProjectSignedEvent("plant", "新材料产业园", List.of("kaizhou"), List.of("kaizhou"), OCCASION, null,
                        CooperationDomain.INDUSTRY, Money.parse("13.3亿元"), LocalDate.of(2021, 4, 1), false, 1, null),
                new InvestmentReportedEvent("plant", "r1", Money.parse("2亿元"), LocalDate.of(2021, 6, 30), null),
                new InvestmentReportedEvent("plant", "r2", Money.parse("0.5亿元"), LocalDate.of(2021, 9, 30), null),
                new InvestmentReportCorrectedEvent("plant", "r1", 1, Money.parse("1.5亿元"), null, "更正",
                        LocalDate.of(2021, 6, 30)),
                new ProjectCompletedEvent("plant", LocalDate.of(2022, 1, 1)));
        append(node, "Project", "autos",
                new ProjectSignedEvent("autos", "汽车意向项目", List.of("kaizhou"), List.of("wanzhou"), OCCASION, null,
                        CooperationDomain.INDUSTRY, null, SIGNED, true, 3, null));
        append(node, "Programme", "tongban",
                new ProgrammeDeclaredEvent("tongban", "川渝通办", List.of("kaizhou"), "2021", List.of("政务服务"),
                        LocalDate.of(2021, 1, 1), null),
                new ServiceItemListedEvent("tongban", "first", "清单事项", "政务服务", List.of("kaizhou"), null, false,
                        155, LocalDate.of(2021, 1, 1), "只报总数"),
                new ServiceItemCompletedEvent("tongban", "first", LocalDate.of(2021, 9, 30), "完成"),
                new ServiceItemListedEvent("tongban", "extra", "清单外新增", "政务服务", List.of("kaizhou"), null, true,
                        19, LocalDate.of(2021, 9, 30), "只报总数"),
                new ServiceItemCompletedEvent("tongban", "extra", LocalDate.of(2021, 9, 30), "完成"),
                new ServiceItemCorrectedEvent("tongban", "first", 1, 150, null, "医保", "总数录错",
                        LocalDate.of(2021, 1, 1)));
        awaitProjections(node);
    }

    private static void append(ConfigurableApplicationContext node, String type, String id, Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new GenericDomainEventMessage<>(type, id, i, payloads[i],
                    MetaData.with("recordedBy", "parity-test")));
        }
        node.getBean(TransactionManager.class)
                .executeInTransaction(() -> node.getBean(EventStore.class).publish(messages));
    }

    private static void awaitProjections(ConfigurableApplicationContext node) {
        long head = node.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = node.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        TokenStore tokens = node.getBean(TokenStore.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            int segments = tokens.fetchSegments(Projections.PROCESSOR).length;
            status.values().forEach(s -> assertThat(s.isErrorState()).as("%s", s.getError()).isFalse());
            if (segments > 0 && status.size() >= segments
                    && status.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("projections did not reach " + head + ": " + processor.processingStatus());
    }
}
