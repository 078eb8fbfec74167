package coop.ledger.testing;

import coop.ledger.processing.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * A test-only handler in the dashboard's own processing group ({@value Projections#PROCESSOR}): it counts, in the
 * transaction of the batch (or rebuild chunk) that applies it, how often each event was applied to the projection
 * tables since their last reset. The dashboard rows themselves are idempotent, so an event applied twice would not
 * show in them; here it shows as {@code applications = 2}, and one missed as a missing row. Only the PostgreSQL
 * node tests that need it add it to their applications.
 */
@ProcessingGroup(Projections.PROCESSOR)
public class ProjectionApplications {

    public static final String SCHEMA = """
            CREATE SCHEMA IF NOT EXISTS test_projection;
            CREATE TABLE IF NOT EXISTS test_projection.projection_applied (
                event_identifier VARCHAR(255) PRIMARY KEY,
                applications     INTEGER      NOT NULL);
            """;

    private final JdbcTemplate jdbc;

    public ProjectionApplications(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> event) {
            jdbc.update("INSERT INTO test_projection.projection_applied VALUES (?, 1) ON CONFLICT (event_identifier) "
                            + "DO UPDATE SET applications = test_projection.projection_applied.applications + 1",
                    event.getIdentifier());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM test_projection.projection_applied");
    }
}
