package coop.ledger.audit;

import coop.ledger.directory.RecordDirectoryProjection;
import coop.ledger.eventstore.CommitOrderedEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongUnaryOperator;

/** Tamper evidence: hashing of past events at migration, seals on a schedule, verification, export and restore. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    private static final Logger log = LoggerFactory.getLogger(AuditConfig.class);

    /** Spring Boot hands JavaMigration beans to Flyway: migration 6.1. */
    @Bean
    HashRecordedEventsMigration hashRecordedEventsMigration() {
        return new HashRecordedEventsMigration();
    }

    /** The seal-signing key: its own file, never in the database (see docs/auditors-proofs.md). */
    @Bean
    SealSigner sealSigner(@Value("${ledger.audit.signing-key:${ledger.data-dir}/seal-signing-key.pem}") Path file)
            throws IOException {
        SealSigner signer = SealSigner.loadOrCreate(file);
        log.info("Seals are signed with key {} (public key fingerprint SHA256:{}; GET /api/audit/public-key)",
                signer.keyId(), signer.publicKey().fingerprint());
        return signer;
    }

    /** The signing key's public half, plus earlier public keys (PEM files) still trusted for older seals. */
    @Bean
    SealKeys sealKeys(SealSigner signer, @Value("${ledger.audit.trusted-public-keys:}") String trusted)
            throws IOException {
        List<SealKey> keys = new ArrayList<>(List.of(signer.publicKey()));
        for (String file : trusted.split(",")) {
            if (!file.isBlank()) {
                keys.add(SealKey.fromPem(Files.readString(Path.of(file.trim()))));
            }
        }
        return new SealKeys(keys);
    }

    @Bean
    TreeNodes treeNodes(DataSource dataSource) {
        return new TreeNodes(dataSource);
    }

    @Bean
    LedgerSealer ledgerSealer(DataSource dataSource, Clock clock,
                              @Value("${ledger.audit.seal-settle:2s}") Duration settle, SealSigner signer,
                              TreeNodes nodes, @Value("${ledger.audit.ledger-id:}") String ledgerId,
                              EventStorageEngine storageEngine) {
        // a seal never covers a position a running append still holds (the settled horizon, on PostgreSQL)
        LongUnaryOperator settled = storageEngine instanceof CommitOrderedEventStorageEngine engine
                ? engine::settledUpTo : LongUnaryOperator.identity();
        return new LedgerSealer(dataSource, clock, settle, signer, nodes, ledgerId, settled);
    }

    @Bean
    LedgerProofs ledgerProofs(DataSource dataSource, TreeNodes nodes, SealKeys keys) {
        return new LedgerProofs(dataSource, nodes, keys);
    }

    @Bean
    SealSchedule sealSchedule(LedgerSealer sealer, @Value("${ledger.audit.seal-interval:60s}") Duration interval) {
        return new SealSchedule(sealer, interval);
    }

    @Bean
    AuditLedger auditLedger(DataSource dataSource, JsonMapper json, EventStorageEngine storageEngine,
                            RecordDirectoryProjection recordDirectory, Clock clock, SealKeys keys,
                            TreeNodes nodes) {
        return new AuditLedger(dataSource, new LedgerExport(json), new LedgerRestore(json), storageEngine,
                recordDirectory, clock, keys, nodes);
    }
}
