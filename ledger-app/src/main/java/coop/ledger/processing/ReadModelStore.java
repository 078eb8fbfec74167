package coop.ledger.processing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads and writes projection rows for the concept slices, each of which owns its tables, its rows and their SQL
 * (a plain component: no exception-translating proxy on this hot path). Every write is an upsert keyed by id (or
 * a replace of a record's link rows), so applying the same row twice leaves the tables as once.
 */
@Component
public class ReadModelStore {

    /** One statement and its arguments, waiting to be written. */
    public record Write(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final ObjectProvider<ReadModelTables> tables;

    public ReadModelStore(DataSource dataSource, ObjectProvider<ReadModelTables> tables) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = SqlDialect.of(jdbc);
        this.tables = tables;
    }

    /**
     * Rows read and written while one projection batch is processed. A batch applies up to thousands of events in
     * one transaction, often several of the same record in a row: each row is read from the table once and
     * written once, and each set of link rows (a record's participants, domains, responsible parties) is replaced
     * once with its last value, in JDBC batches, just before the transaction commits. Outside a unit of work rows
     * are written at once.
     */
    private final class BatchRows {
        private final Map<String, Object> rows = new HashMap<>();
        private final Map<String, Pending> dirty = new LinkedHashMap<>();
        private final Map<String, Links> links = new LinkedHashMap<>();

        void flush() {
            Map<String, List<Object[]>> byStatement = new LinkedHashMap<>();
            dirty.values().forEach(p -> byStatement.computeIfAbsent(p.write().sql(), k -> new ArrayList<>())
                    .add(p.write().args()));
            // Every replaced set's old rows go first, then all the new ones: a delete only touches its own key.
            Map<String, List<Object[]>> deletes = new LinkedHashMap<>();
            Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
            links.values().forEach(l -> {
                deletes.computeIfAbsent(l.delete(), k -> new ArrayList<>()).add(l.key());
                if (!l.rows().isEmpty()) {
                    inserts.computeIfAbsent(l.insert(), k -> new ArrayList<>()).addAll(l.rows());
                }
            });
            byStatement.forEach(jdbc::batchUpdate);
            deletes.forEach(jdbc::batchUpdate);
            inserts.forEach(jdbc::batchUpdate);
            dirty.clear();
            links.clear();
        }
    }

    /** A row of the batch and the statement that writes it. */
    private record Pending(Object row, Write write) {
    }

    /** The link rows of one key, replacing whatever the table held for that key. */
    private record Links(String delete, Object[] key, String insert, List<Object[]> rows) {
    }

    private static final String BATCH_ROWS = ReadModelStore.class.getName() + ".rows";

    private BatchRows batchRows() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH_ROWS, key -> {
            emptyIfReset();
            BatchRows rows = new BatchRows();
            unitOfWork.onPrepareCommit(u -> rows.flush());
            return rows;
        });
    }

    /** The upsert statement of {@code table} on this database. */
    public String upsert(String table, List<String> keys, List<String> columns) {
        return dialect.upsert(table, keys, columns);
    }

    /** The row under {@code key}: this batch's copy when it has one, else what {@code load} reads. */
    @SuppressWarnings("unchecked")
    public <R> Optional<R> row(String key, Supplier<Optional<R>> load) {
        BatchRows rows = batchRows();
        if (rows == null) {
            return load.get();
        }
        if (rows.rows.containsKey(key)) {
            return Optional.of((R) rows.rows.get(key));
        }
        Optional<R> loaded = load.get();
        loaded.ifPresent(r -> rows.rows.put(key, r));
        return loaded;
    }

    /** The first row {@code sql} selects. */
    public <R> Optional<R> first(String sql, RowMapper<R> mapper, Object... args) {
        return jdbc.query(sql, mapper, args).stream().findFirst();
    }

    /** Saves {@code row} under {@code key}: at the end of the batch, or at once outside one. */
    public void save(String key, Object row, Write write) {
        BatchRows rows = batchRows();
        if (rows == null) {
            jdbc.update(write.sql(), write.args());
            return;
        }
        rows.rows.put(key, row);
        rows.dirty.put(key, new Pending(row, write));
    }

    /**
     * Changes the rows of {@code type} this batch has saved but not yet written ({@code change} answers the row
     * itself when it does not change it).
     */
    public <T> void changePending(Class<T> type, UnaryOperator<T> change, Function<T, Write> write) {
        BatchRows batch = batchRows();
        if (batch == null) {
            return;
        }
        batch.dirty.replaceAll((key, pending) -> {
            if (!type.isInstance(pending.row())) {
                return pending;
            }
            T changed = change.apply(type.cast(pending.row()));
            if (changed == pending.row()) {
                return pending;
            }
            batch.rows.put(key, changed);
            return new Pending(changed, write.apply(changed));
        });
    }

    /** The rows {@code sql} selects from the tables (not this batch's unwritten rows). */
    public <R> List<R> query(String sql, RowMapper<R> mapper, Object... args) {
        return jdbc.query(sql, mapper, args);
    }

    /** Replaces the link rows of {@code key} with {@code rows}: once per batch, with the last value saved. */
    public void replaceLinks(String delete, Object[] key, String insert, List<Object[]> rows) {
        BatchRows batch = batchRows();
        if (batch != null) {
            batch.links.put(delete + Arrays.asList(key), new Links(delete, key, insert, rows));
            return;
        }
        jdbc.update(delete, key);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(insert, rows);
        }
    }

    /** Every projection table of every slice. */
    public List<String> tables() {
        return tables.orderedStream().flatMap(t -> t.tables().stream()).toList();
    }

    /**
     * Marks every projection table to be emptied before the next event is applied (a reset, before a replay
     * rebuilds them), in the caller's transaction. Emptying is left to the next batch: {@code DELETE} of a
     * large history's rows in one transaction is slower than the replay itself on H2, and {@code TRUNCATE}, which is
     * quick, is committed by H2 at once, so it cannot share the reset's transaction.
     */
    public void emptyAllBeforeNextBatch() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM dash_reset_pending", Integer.class) == 0) {
            jdbc.update("INSERT INTO dash_reset_pending (marker) VALUES (1)");
        }
    }

    /** Empties every table if a reset asked for it; the tables are then empty before anything is written. */
    private void emptyIfReset() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM dash_reset_pending", Integer.class) > 0) {
            tables().forEach(table -> jdbc.execute("TRUNCATE TABLE " + table));
            jdbc.update("DELETE FROM dash_reset_pending");
        }
    }
}
