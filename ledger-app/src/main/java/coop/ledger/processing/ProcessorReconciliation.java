package coop.ledger.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles the event store with every streaming event processor, on all nodes at once: the events stored (the
 * highest global position and their count) against the position of each processor's slowest segment, read from
 * the shared token table. Served as the health component {@code processors} and as the gauge
 * {@code ledger.processor.lag{processor=...}} (events stored beyond the slowest segment).
 * <p>
 * A processor whose lag exceeds {@code ledger.cluster.max-lag} makes the component DOWN.
 */
@Component("processors")
class ProcessorReconciliation implements HealthIndicator {

    /** Where one streaming processor stands, over all its segments, whichever node holds them. */
    public record ProcessorPosition(String processor, int segments, long slowestPosition, long lag,
                                    Map<Integer, String> owners) {
    }

    /** The event store against every streaming processor. */
    public record Report(long lastPosition, long storedEvents, List<ProcessorPosition> processors) {
    }

    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final Serializer serializer;
    private final long maxLag;

    public ProcessorReconciliation(DataSource dataSource, Configuration axon, Serializer serializer,
                                   @Value("${ledger.cluster.max-lag:10000}") long maxLag) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.axon = axon;
        this.serializer = serializer;
        this.maxLag = maxLag;
    }

    /** Reads the event store and the token table now. */
    public Report report() {
        Map<String, Object> store = jdbc.queryForMap(
                "SELECT COALESCE(MAX(global_index), 0) AS last_position, COUNT(*) AS stored FROM domain_event_entry");
        long last = ((Number) store.get("last_position")).longValue();
        long stored = ((Number) store.get("stored")).longValue();
        List<ProcessorPosition> processors = streamingProcessors().stream()
                .map(name -> position(name, last))
                .toList();
        return new Report(last, stored, processors);
    }

    /** Events stored beyond the slowest segment of {@code processor}. */
    public long lag(String processor) {
        return position(processor, jdbc.queryForObject(
                "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class)).lag();
    }

    @Override
    public Health health() {
        Report report = report();
        Map<String, Object> processors = new LinkedHashMap<>();
        boolean behind = false;
        for (ProcessorPosition p : report.processors()) {
            processors.put(p.processor(), Map.of("segments", p.segments(), "position", p.slowestPosition(),
                    "lag", p.lag(), "owners", p.owners()));
            behind |= p.lag() > maxLag;
        }
        return (behind ? Health.down() : Health.up())
                .withDetail("lastPosition", report.lastPosition())
                .withDetail("storedEvents", report.storedEvents())
                .withDetail("maxLag", maxLag)
                .withDetail("processors", processors)
                .build();
    }

    /** One gauge per streaming processor, registered once Axon has built them. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBeanProvider(MeterRegistry.class).ifAvailable(registry ->
                streamingProcessors().forEach(name -> Gauge.builder("ledger.processor.lag", this, r -> r.lag(name))
                        .tag("processor", name)
                        .description("Events stored beyond the slowest segment of the streaming processor")
                        .baseUnit("events")
                        .register(registry)));
    }

    /** Where {@code processor} stands in the shared token table: its slowest segment and each segment's owner. */
    ProcessorPosition tokens(String processor) {
        return position(processor, 0);
    }

    private List<String> streamingProcessors() {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(p -> p.getName())
                .sorted()
                .toList();
    }

    private ProcessorPosition position(String processor, long lastPosition) {
        Map<Integer, String> owners = new TreeMap<>();
        TreeSet<Long> positions = new TreeSet<>();
        jdbc.query("SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ?", rs -> {
            owners.put(rs.getInt("segment"), Objects.requireNonNullElse(rs.getString("owner"), ""));
            positions.add(position(rs.getBytes("token"), rs.getString("token_type")));
        }, processor);
        long slowest = positions.isEmpty() ? 0 : positions.first();
        return new ProcessorPosition(processor, owners.size(), slowest, Math.max(0, lastPosition - slowest), owners);
    }

    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }
}
