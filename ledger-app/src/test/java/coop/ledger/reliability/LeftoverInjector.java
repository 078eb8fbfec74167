package coop.ledger.reliability;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.TransactionStore;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Leaves on disk what a {@code kill -9} once left in an H2 store (issue 18): rows of a write whose transaction no
 * longer exists, still marked uncommitted, with no undo-log records that recovery could roll them back by. Runs in
 * a JVM of its own, which it halts without closing the store, as a crash would.
 * <p>
 * Arguments: the data directory, then one or more {@code key:hash:partyCode}. Each write gets a transaction of its
 * own, opened one after another (the first gets H2's lowest free transaction id, 1): in it, the write's
 * idempotency row, its first event (the event table's (record, sequence) index) and its record-directory row.
 * Prints each write's transaction id.
 */
public final class LeftoverInjector {

    private LeftoverInjector() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + "/ledger;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        // The ledger process this JVM stands for marks the store open while it uses it (UncleanShutdownRepair).
        Files.writeString(Path.of(args[0], "ledger.open"), "opened by the leftover injector\n");
        List<Connection> open = new ArrayList<>();
        Store store = null;
        for (int i = 1; i < args.length; i++) {
            String[] write = args[i].split(":");
            Connection connection = DriverManager.getConnection(url, "sa", "");
            connection.setAutoCommit(false);
            insertWrite(connection, write[0], write[1], write[2]);
            SessionLocal session = (SessionLocal) ((JdbcConnection) connection).getSession();
            store = session.getDatabase().getStore();
            int transactionId = session.getTransaction().getId();
            dropUndoLog(store.getTransactionStore(), transactionId);
            System.out.println("leftover " + write[0] + " transaction " + transactionId);
            open.add(connection);
        }
        MVStore mvStore = store.getMvStore();
        mvStore.commit();
        System.out.flush();
        // Halt: no shutdown hook, no close of the store, the transactions stay open on disk.
        Runtime.getRuntime().halt(0);
    }

    private static void insertWrite(Connection connection, String key, String hash, String party) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement idempotency = connection.prepareStatement(
                "INSERT INTO idempotency_key (idem_key, request_hash, record_id, version, created_at) VALUES (?, ?, ?, 1, ?)")) {
            idempotency.setString(1, key);
            idempotency.setString(2, hash);
            idempotency.setString(3, party);
            idempotency.setTimestamp(4, now);
            idempotency.executeUpdate();
        }
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO domain_event_entry (aggregate_identifier, "
                + "sequence_number, type, event_identifier, payload, payload_type, time_stamp, event_hash, previous_hash) "
                + "VALUES (?, 0, 'Party', ?, ?, 'coop.ledger.party.api.PartyRegisteredEvent', ?, ?, ?)")) {
            event.setString(1, party);
            event.setString(2, UUID.randomUUID().toString());
            event.setBytes(3, "{}".getBytes());
            event.setString(4, now.toInstant().toString());
            event.setString(5, "0".repeat(64));
            event.setString(6, "0".repeat(64));
            event.executeUpdate();
        }
        try (PreparedStatement directory = connection.prepareStatement(
                "INSERT INTO record_directory (record_type, record_id, party_kind) VALUES ('PARTY', ?, 'GOVERNMENT')")) {
            directory.setString(1, party);
            directory.executeUpdate();
        }
    }

    /** Empties the transaction's undo log: the data changes stay in the maps, marked with its transaction id. */
    @SuppressWarnings("unchecked")
    private static void dropUndoLog(TransactionStore transactions, int transactionId) throws ReflectiveOperationException {
        Field undoLogs = TransactionStore.class.getDeclaredField("undoLogs");
        undoLogs.setAccessible(true);
        MVMap<Long, ?> undoLog = ((MVMap<Long, ?>[]) undoLogs.get(transactions))[transactionId];
        undoLog.clear();
    }
}
