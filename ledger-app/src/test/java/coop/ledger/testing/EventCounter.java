package coop.ledger.testing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * A test-only streaming projection in the processing group {@value #GROUP}: it records every event it applies and
 * counts events per record, in the schema {@code test_projection} (outside Flyway's). Applying an event twice
 * shows as {@code applications = 2}; missing one shows as a missing row. Not a Spring component: only the
 * PostgreSQL node tests add it to their applications.
 */
@ProcessingGroup(EventCounter.GROUP)
public class EventCounter {

    public static final String GROUP = "event-counter";

    public static final String SCHEMA = """
            CREATE SCHEMA IF NOT EXISTS test_projection;
            CREATE TABLE IF NOT EXISTS test_projection.applied_event (
                event_identifier     VARCHAR(255) PRIMARY KEY,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                applications         INTEGER      NOT NULL);
            CREATE TABLE IF NOT EXISTS test_projection.event_count (
                aggregate_identifier VARCHAR(255) PRIMARY KEY,
                events               BIGINT       NOT NULL);
            """;

    private final JdbcTemplate jdbc;

    public EventCounter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event)) {
            return;
        }
        jdbc.update("INSERT INTO test_projection.applied_event VALUES (?, ?, ?, 1) ON CONFLICT (event_identifier) "
                        + "DO UPDATE SET applications = test_projection.applied_event.applications + 1",
                event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber());
        jdbc.update("INSERT INTO test_projection.event_count VALUES (?, 1) ON CONFLICT (aggregate_identifier) "
                + "DO UPDATE SET events = test_projection.event_count.events + 1", event.getAggregateIdentifier());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM test_projection.applied_event");
        jdbc.update("DELETE FROM test_projection.event_count");
    }
}
