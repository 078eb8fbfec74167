package coop.ledger.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an operator alerts on in the audit side: {@code ledger.events.stored} (the newest global position),
 * {@code ledger.seal.age} (seconds since the newest seal; NaN before the first) and
 * {@code ledger.verification.verified} (1 when the last verification run on this node found the ledger intact,
 * 0 when it found it broken, NaN before the first run). Each is read when scraped.
 */
@Component
class AuditMeters implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLedger ledger;

    AuditMeters(DataSource dataSource, Clock clock, AuditLedger ledger) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.ledger = ledger;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.events.stored", this, AuditMeters::eventsStored)
                .description("Events in the event store (the newest global position)").register(registry);
        Gauge.builder("ledger.seal.age", this, AuditMeters::sealAgeSeconds).baseUnit("seconds")
                .description("Time since the newest seal was made").register(registry);
        Gauge.builder("ledger.verification.verified", this, AuditMeters::lastVerification)
                .description("1 when the last verification found the ledger intact, 0 when broken").register(registry);
    }

    private double eventsStored() {
        Long position = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return position == null ? 0 : position;
    }

    private double sealAgeSeconds() {
        List<OffsetDateTime> newest = jdbc.query("SELECT MAX(sealed_at) FROM ledger_seal",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class));
        if (newest.isEmpty() || newest.get(0) == null) {
            return Double.NaN;
        }
        return Duration.between(newest.get(0).toInstant(), clock.instant()).toMillis() / 1000.0;
    }

    private double lastVerification() {
        VerificationReport last = ledger.lastVerification();
        return last == null ? Double.NaN : last.verified() ? 1 : 0;
    }
}
