package coop.ledger.testing;

import coop.ledger.app.LedgerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One embedded PostgreSQL 17 server per test JVM, durable like a production one (fsync, synchronous commit, full
 * page writes on), and ledger nodes started on it with the {@code postgres} profile: separate Spring applications
 * with their own node id, connection pool and random HTTP port, sharing one database.
 */
public final class PostgresNodes {

    private static EmbeddedPostgres server;

    private final String database;

    private PostgresNodes(String database) {
        this.database = database;
    }

    /** A fresh, empty database (with the test projection's schema) on the shared server. */
    public static synchronized PostgresNodes freshDatabase() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        String database = "ledger_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(server.getPostgresDatabase()).execute("CREATE DATABASE " + database);
        PostgresNodes nodes = new PostgresNodes(database);
        nodes.admin().execute(EventCounter.SCHEMA);
        return nodes;
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", database);
    }

    /** A connection outside every node, as an operator would have. */
    public JdbcTemplate admin() {
        DataSource dataSource = server.getDatabase("postgres", database);
        return new JdbcTemplate(dataSource);
    }

    public String setting(String name) {
        return admin().queryForObject("SHOW " + name, String.class);
    }

    /** Starts a ledger node named {@code nodeId}; {@code extra} are further {@code name=value} properties. */
    public ConfigurableApplicationContext start(String nodeId, String... extra) {
        return start(List.of(), nodeId, extra);
    }

    /** As {@link #start(String, String...)}, with further test components ({@code sources}) in the application. */
    public ConfigurableApplicationContext start(List<Class<?>> sources, String nodeId, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--ledger.db.url=" + jdbcUrl(),
                "--ledger.db.user=postgres",
                "--ledger.db.password=",
                "--ledger.data-dir=./target/test-data/" + nodeId + "-" + UUID.randomUUID(),
                "--server.port=0",
                "--ledger.cluster.node-id=" + nodeId,
                "--ledger.cluster.claim-timeout=2s",
                // Harsh on purpose: a hole in the positions is given up after 1 s, and cleaned as soon as there are two.
                "--ledger.cluster.gap-timeout=1s",
                "--ledger.cluster.gap-cleaning-threshold=1",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--axon.eventhandling.processors." + EventCounter.GROUP + ".mode=pooled",
                "--axon.eventhandling.processors." + EventCounter.GROUP + ".initial-segment-count=4",
                "--axon.eventhandling.processors." + EventCounter.GROUP + ".token-claim-interval=300",
                "--axon.eventhandling.processors." + EventCounter.GROUP + ".token-claim-interval-time-unit=MILLISECONDS",
                "--axon.eventhandling.processors." + EventCounter.GROUP + ".batch-size=20",
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR",
                "--logging.level.org.axonframework.eventhandling=ERROR",
                "--logging.level.com.zaxxer.hikari=ERROR"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        Arrays.stream(extra).map(p -> "--" + p).forEach(args::add);
        LedgerApplication.quietAxon();
        List<Class<?>> all = new ArrayList<>(List.of(LedgerApplication.class, EventCounter.class));
        all.addAll(sources);
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    public static Api api(ConfigurableApplicationContext node) {
        return new Api(Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
