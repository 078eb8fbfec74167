package coop.ledger.importing;

import coop.ledger.shared.LedgerTime;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What an import job has done: the body of {@code 202} to {@code POST /api/imports} and of
 * {@code GET /api/imports/{id}}. Times are UTC, each with its Asia/Shanghai local time for people.
 */
@Schema(description = "An import run as a job: its state, rows, rate, ETA and, once done, its report")
record ImportJobStatus(
        String id,
        @Schema(description = "queued, running, done (report holds the outcome), failed (error says why) or "
                + "interrupted (the ledger stopped or its node died: rowsCommitted rows are recorded; post the same "
                + "file again to complete it)",
                allowableValues = {"queued", "running", "done", "failed", "interrupted"}) String state,
        @Schema(allowableValues = {"JSON", "CSV"}) String format,
        @Schema(description = "the login that posted the import") String startedBy,
        @Schema(description = "the node that runs (ran) the job") String node,
        @Schema(description = "rows in the file") long rowsTotal,
        @Schema(description = "rows read and decided (recorded, found already recorded or refused)") long rowsDone,
        @Schema(description = "rows done whose batch has committed: in the ledger whatever happens next")
        long rowsCommitted,
        @Schema(description = "rows refused so far; each is in the report with its line and reason") long rowsRefused,
        @Schema(description = "rows done per second since the job started") Double rowsPerSecond,
        @Schema(description = "seconds left at that rate; null until a rate is known, 0 once done") Long etaSeconds,
        Instant estimatedFinishAt,
        @Schema(description = "estimatedFinishAt in Asia/Shanghai local time") String estimatedFinishAtShanghai,
        Instant postedAt,
        String postedAtShanghai,
        Instant startedAt,
        String startedAtShanghai,
        Instant finishedAt,
        String finishedAtShanghai,
        @Schema(description = "why the job failed or was interrupted") String error,
        @Schema(description = "once done: the report a synchronous import answers with") ImportReport report) {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    private static final DateTimeFormatter SHANGHAI_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(LedgerTime.ZONE);

    /**
     * The status of a stored job as of {@code now}. A queued or running job whose node has not written its
     * progress since {@code staleBefore} is shown as interrupted: its node stopped or died.
     */
    static ImportJobStatus of(ImportJobStore.StoredJob job, ImportReport report, Instant now, Instant staleBefore) {
        String state = job.state();
        String error = job.error();
        Instant finished = job.finishedAt();
        boolean active = state.equals(QUEUED) || state.equals(RUNNING);
        if (active && job.seenAt().isBefore(staleBefore)) {
            state = INTERRUPTED;
            error = "the node running the job (" + job.nodeId() + ") stopped writing its progress at " + job.seenAt()
                    + ": post the same file again to complete it";
            finished = job.seenAt();
            active = false;
        }
        Double rate = null;
        Long eta = null;
        Instant finishAt = null;
        if (job.startedAt() != null) {
            Instant asOf = finished != null ? finished : job.seenAt();
            ImportRate measured = ImportRate.of(job.rowsDone(), job.rowsTotal(),
                    Duration.between(job.startedAt(), asOf).toMillis());
            rate = measured.rowsPerSecond();
            if (state.equals(DONE)) {
                eta = 0L;
                finishAt = finished;
            } else if (active && measured.etaSeconds() != null) {
                finishAt = job.seenAt().plusSeconds(measured.etaSeconds());
                eta = Math.max(0, Duration.between(now, finishAt).toSeconds());
            }
        }
        return new ImportJobStatus(job.id(), state, job.format(), job.startedBy(), job.nodeId(), job.rowsTotal(),
                job.rowsDone(), job.rowsCommitted(), job.rowsRefused(), rate, eta, finishAt, shanghai(finishAt),
                job.postedAt(), shanghai(job.postedAt()), job.startedAt(), shanghai(job.startedAt()), finished,
                shanghai(finished), error, report);
    }

    private static String shanghai(Instant instant) {
        return instant == null ? null : SHANGHAI_TEXT.format(instant);
    }
}
