package coop.ledger.importing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code import_job} table: one row per import job, written by the node that runs it and read by any node.
 * Plain JDBC on the data source, outside any import batch: a job's progress must be visible while its batch is
 * still open, and must not be rolled back with a refused row.
 */
@Repository
class ImportJobStore {

    /** A job as stored; {@code report} is the import report's JSON once the job is done. */
    record StoredJob(String id, String state, String format, String startedBy, String nodeId, long rowsTotal,
                     long rowsDone, long rowsCommitted, long rowsRefused, Instant postedAt, Instant startedAt,
                     Instant finishedAt, Instant seenAt, String error, String report) {
    }

    private static final String COLUMNS = "job_id, state, format, started_by, node_id, rows_total, rows_done, "
            + "rows_committed, rows_refused, posted_at, started_at, finished_at, seen_at, error";

    private final JdbcTemplate jdbc;

    ImportJobStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void insert(StoredJob job) {
        jdbc.update("INSERT INTO import_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), job.state(), job.format(), job.startedBy(), job.nodeId(), job.rowsTotal(), job.rowsDone(),
                job.rowsCommitted(), job.rowsRefused(), time(job.postedAt()), time(job.startedAt()),
                time(job.finishedAt()), time(job.seenAt()), job.error());
    }

    void started(String id, Instant at) {
        jdbc.update("UPDATE import_job SET state = 'running', started_at = ?, seen_at = ? WHERE job_id = ?",
                time(at), time(at), id);
    }

    /** The job's counts as of {@code at}; also tells the other nodes that its node is alive. */
    void progress(String id, long done, long committed, long refused, Instant at) {
        jdbc.update("UPDATE import_job SET rows_done = ?, rows_committed = ?, rows_refused = ?, seen_at = ? "
                + "WHERE job_id = ?", done, committed, refused, time(at), id);
    }

    /** Ends the job: done (with its report), failed or interrupted (with an error saying why). */
    void finish(String id, String state, long done, long committed, long refused, Instant at, String error,
                String report) {
        jdbc.update("UPDATE import_job SET state = ?, rows_done = ?, rows_committed = ?, rows_refused = ?, "
                        + "finished_at = ?, seen_at = ?, error = ?, report = ? WHERE job_id = ?",
                state, done, committed, refused, time(at), time(at), error, report, id);
    }

    /**
     * Marks as interrupted the jobs that were queued or running on this node before it started again, and those
     * of any node that stopped writing their progress before {@code staleBefore} (it died); returns how many.
     */
    int interruptLeftovers(String nodeId, Instant staleBefore, String error) {
        return jdbc.update("UPDATE import_job SET state = 'interrupted', finished_at = seen_at, error = ? "
                        + "WHERE state IN ('queued', 'running') AND (node_id = ? OR seen_at < ?)",
                error, nodeId, time(staleBefore));
    }

    Optional<StoredJob> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + ", report FROM import_job WHERE job_id = ?", ROW, id).stream()
                .findFirst();
    }

    /** The newest jobs first, without their reports. */
    List<StoredJob> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + ", NULL AS report FROM import_job ORDER BY posted_at DESC, job_id "
                + "FETCH FIRST " + limit + " ROWS ONLY", ROW);
    }

    private static final RowMapper<StoredJob> ROW = (ResultSet rs, int n) -> new StoredJob(rs.getString("job_id"),
            rs.getString("state"), rs.getString("format"), rs.getString("started_by"), rs.getString("node_id"),
            rs.getLong("rows_total"), rs.getLong("rows_done"), rs.getLong("rows_committed"),
            rs.getLong("rows_refused"), instant(rs, "posted_at"), instant(rs, "started_at"),
            instant(rs, "finished_at"), instant(rs, "seen_at"), rs.getString("error"), rs.getString("report"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
