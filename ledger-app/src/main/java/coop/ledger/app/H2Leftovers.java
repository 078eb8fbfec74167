package coop.ledger.app;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.Transaction;
import org.h2.value.VersionedValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes the "leftovers" a crash can leave in an H2 store: table rows and index entries still marked as written by
 * a transaction that no longer exists and has no undo-log records, so H2's own recovery cannot roll them back
 * (with {@code WRITE_DELAY=0} a chunk can hold a data change without its undo record). H2 (2.4.240 and 2.5.252
 * alike) keeps them forever: other transactions do not see them but wait on them when they write the same key (a
 * lock timeout, or a duplicate key), and the one transaction that later gets the same id sees them as its own
 * (a write answered as already recorded though it never was).
 * <p>
 * Each entry goes back to the value it had before that transaction wrote it, which for an insert means it is
 * removed: exactly what H2's rollback would have done with the lost undo records. This works on H2's storage
 * internals (MVStore maps of versioned values), so it runs only on a store no other session uses, before the
 * application takes any connection, and the H2 version is pinned by the build.
 */
final class H2Leftovers {

    private H2Leftovers() {
    }

    /**
     * Rolls back every leftover of the store {@code connection} is open on, which must be the store's only
     * session, and writes the store. Returns how many entries it rolled back, per H2 map name (e.g.
     * {@code table.12}, {@code index.14}); empty when there were none.
     */
    static Map<String, Integer> rollBack(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Store store = session.getDatabase().getStore();
        MVStore mvStore = store.getMvStore();
        Set<Integer> liveTransactions = new HashSet<>();
        for (Transaction transaction : store.getTransactionStore().getOpenTransactions()) {
            liveTransactions.add(transaction.getId());
        }
        Map<String, Integer> rolledBack = new LinkedHashMap<>();
        MVMap<String, String> meta = mvStore.getMetaMap();
        for (String name : mvStore.getMapNames()) {
            if (!name.startsWith("table.") && !name.startsWith("index.")) {
                continue; // not a transactional map (undo logs, LOB storage, the type registry)
            }
            String id = meta.get("name." + name);
            MVMap<Object, Object> map = id == null ? null : mvStore.getMap(Integer.parseInt(id, 16));
            if (map == null) {
                continue; // not opened by the database: no table or index of the schema uses it
            }
            int count = rollBack(map, liveTransactions);
            if (count > 0) {
                rolledBack.put(name, count);
            }
        }
        if (!rolledBack.isEmpty()) {
            mvStore.commit();
        }
        return rolledBack;
    }

    private static int rollBack(MVMap<Object, Object> map, Set<Integer> liveTransactions) {
        List<Object> keys = new ArrayList<>();
        List<Object> committedValues = new ArrayList<>();
        Cursor<Object, Object> cursor = map.cursor(null);
        while (cursor.hasNext()) {
            Object key = cursor.next();
            if (cursor.getValue() instanceof VersionedValue<?> value && !value.isCommitted()
                    && !liveTransactions.contains(transactionId(value.getOperationId()))) {
                keys.add(key);
                committedValues.add(value.getCommittedValue());
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            Object committed = committedValues.get(i);
            if (committed == null) {
                map.remove(keys.get(i));
            } else if (committed instanceof VersionedValue<?>) {
                // H2's rows and values are themselves committed versioned values.
                map.put(keys.get(i), committed);
            } else {
                throw new IllegalStateException("unexpected committed value in H2 map " + map.getName() + ": "
                        + committed.getClass());
            }
        }
        return keys.size();
    }

    /** The transaction part of an MVStore operation id (its upper 24 bits; the lower 40 number the log entry). */
    private static int transactionId(long operationId) {
        return (int) (operationId >>> 40);
    }
}
