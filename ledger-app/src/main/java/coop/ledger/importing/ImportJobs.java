package coop.ledger.importing;

import coop.ledger.eventstore.EventStoreSettings;
import coop.ledger.processing.SegmentBalancer;
import coop.ledger.shared.web.Refusal;
import coop.ledger.shared.web.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs large imports in the background, one at a time per node in the order they were posted, and keeps each
 * job's progress in {@code import_job} (see {@link ImportJobStore}) about once a second, so that any node of a
 * cluster can show it. A client asks for a job with {@code Prefer: respond-async}; a file of more than
 * {@code ledger.import.async-above-rows} rows (default 10,000) always runs as one.
 * <p>
 * A job that the ledger's stop catches running ends after its current row: the open batch commits (whole rows, as
 * always) and the job is shown as interrupted with the rows committed. One whose node died is shown as interrupted
 * once its progress is older than {@code ledger.import.job-stale-after}. Either way, posting the same file again
 * completes it: its rows' Idempotency-Keys answer the rows already recorded.
 */
@Service
class ImportJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final String RESUME = "post the same file again to complete it";

    private final LedgerImporter importer;
    private final ImportJobStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final String nodeId;
    private final long asyncAboveRows;
    private final Duration staleAfter;
    /** Jobs queued or running on this node, by id. */
    private final Map<String, Job> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private ExecutorService runner;
    private ScheduledExecutorService heartbeat;

    ImportJobs(LedgerImporter importer, ImportJobStore store, JsonMapper json, Clock clock,
               EventStoreSettings cluster,
               @Value("${ledger.import.async-above-rows:10000}") long asyncAboveRows,
               @Value("${ledger.import.job-stale-after:15s}") Duration staleAfter) {
        this.importer = importer;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.nodeId = SegmentBalancer.nodeId(cluster);
        this.asyncAboveRows = asyncAboveRows;
        this.staleAfter = staleAfter;
    }

    /** The rule: a job when the client prefers one, or when the file is large; never for an unreadable file. */
    boolean runsAsJob(boolean clientPrefersAsync, ImportRowCount count) {
        return count.readable() && (clientPrefersAsync || count.rows() > asyncAboveRows);
    }

    /** Queues an import of {@code file} (which the job deletes when it ends) and returns its first status. */
    ImportJobStatus submit(Path file, ImportFormat format, long rowsTotal, String startedBy) {
        Instant now = clock.instant();
        ImportJobStore.StoredJob stored = new ImportJobStore.StoredJob(UUID.randomUUID().toString(),
                ImportJobStatus.QUEUED, format.name(), startedBy, nodeId, rowsTotal, 0, 0, 0, now, null, null, now,
                null, null);
        store.insert(stored);
        Job job = new Job(stored.id(), file, format, startedBy);
        active.put(job.id, job);
        try {
            runner.execute(() -> run(job));
        } catch (RuntimeException notAccepted) {
            // the ledger is stopping: the job never starts
            end(job, ImportJobStatus.INTERRUPTED, "the ledger stopped before the job started: " + RESUME, null);
        }
        return status(job.id).orElseThrow();
    }

    Optional<ImportJobStatus> status(String id) {
        return store.find(id).map(job -> view(job, job.report() == null ? null
                : json.readValue(job.report(), ImportReport.class)));
    }

    /** The newest jobs first, without their reports. */
    List<ImportJobStatus> recent(int limit) {
        return store.recent(limit).stream().map(job -> view(job, null)).toList();
    }

    private ImportJobStatus view(ImportJobStore.StoredJob job, ImportReport report) {
        Instant now = clock.instant();
        return ImportJobStatus.of(job, report, now, now.minus(staleAfter));
    }

    private void run(Job job) {
        if (stopping) {
            end(job, ImportJobStatus.INTERRUPTED, "the ledger stopped before the job started: " + RESUME, null);
            return;
        }
        store.started(job.id, clock.instant());
        try (InputStream in = Files.newInputStream(job.file)) {
            ImportReport report = importer.importFile(in, job.format, job.startedBy, job);
            job.done = report.rows();
            job.refused = report.rejected();
            job.committed = report.rows();
            end(job, ImportJobStatus.DONE, null, json.writeValueAsString(report));
        } catch (StoppedByShutdown e) {
            end(job, ImportJobStatus.INTERRUPTED, "the ledger stopped while the job ran: " + RESUME, null);
        } catch (IOException | RuntimeException e) {
            log.error("Import job {} failed", job.id, e);
            Refusal refusal = Refusals.classify(e);
            String why = refusal.unexpected() ? "the import failed unexpectedly (see the ledger's log)"
                    : refusal.detail();
            end(job, ImportJobStatus.FAILED, why + "; the rows committed are kept: " + RESUME, null);
        }
    }

    private void end(Job job, String state, String error, String report) {
        try {
            store.finish(job.id, state, job.done, job.committed, job.refused, clock.instant(), error, report);
        } finally {
            active.remove(job.id);
            try {
                Files.deleteIfExists(job.file);
            } catch (IOException e) {
                log.warn("Could not delete the file of import job {}: {}", job.id, e.toString());
            }
        }
    }

    /** Writes each active job's counts, which also shows the other nodes that this one is alive. */
    private void writeProgress() {
        Instant now = clock.instant();
        for (Job job : active.values()) {
            try {
                store.progress(job.id, job.done, job.committed, job.refused, now);
            } catch (RuntimeException e) {
                // a database hiccup must not stop the progress for good; the next round tries again
                log.warn("Could not write the progress of import job {}: {}", job.id, e.toString());
            }
        }
    }

    @Override
    public void start() {
        stopping = false;
        int left = store.interruptLeftovers(nodeId, clock.instant().minus(staleAfter),
                "the ledger stopped while the job was queued or running: " + RESUME);
        if (left > 0) {
            log.warn("{} import job(s) of an earlier run were interrupted: post their files again", left);
        }
        runner = Executors.newSingleThreadExecutor(r -> thread(r, "ledger-import-job"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "ledger-import-progress"));
        long every = Math.max(100, Math.min(1000, staleAfter.toMillis() / 4));
        heartbeat.scheduleWithFixedDelay(this::writeProgress, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a running job end after its current row (never by interrupting it: an interrupt closes H2's file) and
     * marks the queued ones interrupted.
     */
    @Override
    public void stop() {
        stopping = true;
        if (runner != null) {
            runner.shutdown();
            try {
                if (!runner.awaitTermination(60, TimeUnit.SECONDS)) {
                    log.warn("An import job did not end within 60 s of the stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return runner != null && !runner.isShutdown();
    }

    private static Thread thread(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Thrown from the progress callback when the ledger stops: the importer commits its open batch and ends. */
    private static final class StoppedByShutdown extends RuntimeException {
        StoppedByShutdown() {
            super("the ledger is stopping", null, false, false);
        }
    }

    /** One job of this node and its counts, written by the import's thread and read by the heartbeat. */
    private final class Job implements ImportProgress {
        final String id;
        final Path file;
        final ImportFormat format;
        final String startedBy;
        volatile long done;
        volatile long committed;
        volatile long refused;

        Job(String id, Path file, ImportFormat format, String startedBy) {
            this.id = id;
            this.file = file;
            this.format = format;
            this.startedBy = startedBy;
        }

        @Override
        public void rowDone(long rowsDone, long rejected) {
            done = rowsDone;
            refused = rejected;
            if (stopping) {
                throw new StoppedByShutdown();
            }
        }

        @Override
        public void committed(long rowsDone) {
            committed = rowsDone;
        }
    }
}
