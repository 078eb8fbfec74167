package coop.ledger.audit;

import java.util.concurrent.atomic.AtomicReference;
import coop.ledger.directory.RecordDirectoryProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * The ledger's integrity operations on its own store: verification, export and restore. Restore also rebuilds the
 * command-side record directory from the restored events, so the rules know the restored parties and agreements.
 */
class AuditLedger {

    private final DataSource dataSource;
    private final LedgerExport export;
    private final LedgerRestore restore;
    private final EventStorageEngine storageEngine;
    private final RecordDirectoryProjection recordDirectory;
    private final Clock clock;
    private final SealKeys keys;
    private final TreeNodes nodes;
    private final AtomicReference<VerificationReport> lastVerification = new AtomicReference<>();

    public AuditLedger(DataSource dataSource, LedgerExport export, LedgerRestore restore,
                       EventStorageEngine storageEngine, RecordDirectoryProjection recordDirectory, Clock clock,
                       SealKeys keys, TreeNodes nodes) {
        this.keys = keys;
        this.nodes = nodes;
        this.dataSource = dataSource;
        this.export = export;
        this.restore = restore;
        this.storageEngine = storageEngine;
        this.recordDirectory = recordDirectory;
        this.clock = clock;
    }

    /** The report of the last verification run on this node, or null before the first. */
    VerificationReport lastVerification() {
        return lastVerification.get();
    }

    public VerificationReport verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL streams a result set in fetch-size batches only inside a transaction
            connection.setAutoCommit(false);
            try {
                VerificationReport report = new LedgerVerifier(keys).verify(connection);
                lastVerification.set(report);
                return report;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    public long export(OutputStream out) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL streams a result set in fetch-size batches only inside a transaction
            connection.setAutoCommit(false);
            try {
                return export.write(connection, out, clock.instant());
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Restores into this (empty) ledger; see {@link LedgerRestore}. */
    public LedgerRestore.RestoreReport restore(InputStream in, boolean clearTokens)
            throws SQLException, IOException, RestoreRefusedException {
        LedgerRestore.RestoreReport report;
        try (Connection connection = dataSource.getConnection()) {
            report = restore.restore(in, connection, clearTokens);
        }
        nodes.forget(); // the restored ledger's tree is read or built afresh
        rebuildRecordDirectory();
        return report;
    }

    private void rebuildRecordDirectory() {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(recordDirectory);
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            events.forEach(event -> {
                try {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not rebuild the record directory at " + event, e);
                }
            });
        }
    }
}
