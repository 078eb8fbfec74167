package coop.ledger.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's aggregate cache, kept only for the thread of an open import batch and only until the batch ends.
 * <p>
 * Without a cache every command loads its record from the store: in an import, where an agreement's items and
 * payments follow it row after row, each command re-reads and re-folds all the record's earlier events (and inside an
 * uncommitted batch no snapshot can help, since the snapshotter works in a transaction of its own). With it, a
 * command of the batch takes the record as the previous command of the same batch left it. The entries are
 * uncommitted state, so they are never seen outside the batch: other threads (API writes) find nothing here and
 * load from the store as before, and the importer drops the entries when a row is rolled back to its savepoint
 * ({@link #forgetBatch()}) and when the batch ends ({@link #closeBatch()}). A unit of work that rolls back removes
 * its record itself (Axon's caching repository does that).
 * <p>
 * The batch also keeps the hash of each record's newest event appended in it ({@link #chainHead}), so the hash chain
 * links the next event of the record without reading its predecessor back from the store. It is uncommitted state
 * too, with the same lifetime: a row rolled back to its savepoint forgets it with the records.
 */
public final class BatchAggregateCache implements Cache {

    private static final ThreadLocal<Map<Object, Object>> BATCH = new ThreadLocal<>();

    private final String aggregateType;

    public BatchAggregateCache(String aggregateType) {
        this.aggregateType = aggregateType;
    }

    /** Starts keeping records for the current thread's batch. */
    public static void openBatch() {
        BATCH.set(new HashMap<>());
    }

    /** Forgets every record kept for the batch (a row was rolled back: the records may hold its writes). */
    public static void forgetBatch() {
        Map<Object, Object> batch = BATCH.get();
        if (batch != null) {
            batch.clear();
        }
    }

    /** Stops keeping records for the current thread (the batch committed or rolled back). */
    public static void closeBatch() {
        BATCH.remove();
    }

    /** The key of a record's chain head, apart from every aggregate key. */
    private record ChainKey(String aggregateId) {
    }

    private record ChainHead(long sequenceNumber, String hash) {
    }

    /**
     * The hash of event {@code sequenceNumber} of the record, if this thread's open batch appended it; {@code null}
     * otherwise (no batch, the record not appended in it, or forgotten since), and the store is asked.
     */
    public static String chainHead(String aggregateId, long sequenceNumber) {
        Map<Object, Object> batch = BATCH.get();
        if (batch == null) {
            return null;
        }
        ChainHead head = (ChainHead) batch.get(new ChainKey(aggregateId));
        return head != null && head.sequenceNumber() == sequenceNumber ? head.hash() : null;
    }

    /** Remembers, for this thread's open batch only, the hash of the record's event just appended. */
    public static void chainHeadAppended(String aggregateId, long sequenceNumber, String hash) {
        Map<Object, Object> batch = BATCH.get();
        if (batch != null) {
            batch.put(new ChainKey(aggregateId), new ChainHead(sequenceNumber, hash));
        }
    }

    private Object key(Object key) {
        return List.of(aggregateType, key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> batch = BATCH.get();
        return batch == null ? null : (V) batch.get(key(key));
    }

    @Override
    public void put(Object key, Object value) {
        Map<Object, Object> batch = BATCH.get();
        if (batch != null) {
            batch.put(key(key), value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Map<Object, Object> batch = BATCH.get();
        return batch != null && batch.putIfAbsent(key(key), value) == null;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> batch = BATCH.get();
        return batch != null && batch.remove(key(key)) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        Map<Object, Object> batch = BATCH.get();
        return batch != null && batch.containsKey(key(key));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
