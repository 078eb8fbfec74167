package coop.ledger.audit;

import coop.ledger.directory.RecordDirectoryProjection;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** Tamper evidence: hashing of past events at migration, seals on a schedule, verification, export and restore. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    /** Spring Boot hands JavaMigration beans to Flyway: migration 6.1. */
    @Bean
    HashRecordedEventsMigration hashRecordedEventsMigration() {
        return new HashRecordedEventsMigration();
    }

    @Bean
    LedgerSealer ledgerSealer(DataSource dataSource, Clock clock,
                              @Value("${ledger.audit.seal-settle:2s}") Duration settle) {
        return new LedgerSealer(dataSource, clock, settle);
    }

    @Bean
    SealSchedule sealSchedule(LedgerSealer sealer, @Value("${ledger.audit.seal-interval:60s}") Duration interval) {
        return new SealSchedule(sealer, interval);
    }

    @Bean
    AuditLedger auditLedger(DataSource dataSource, JsonMapper json, EventStorageEngine storageEngine,
                            RecordDirectoryProjection recordDirectory, Clock clock) {
        return new AuditLedger(dataSource, new LedgerExport(json), new LedgerRestore(json), storageEngine,
                recordDirectory, clock);
    }
}
