package coop.ledger.importing;

import coop.ledger.eventstore.EventStoreSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which imports run as jobs, and what a job's status says of its rate, ETA and an interruption. */
class ImportJobRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final ImportJobs jobs = new ImportJobs(null, null, null, Clock.fixed(NOW, java.time.ZoneOffset.UTC),
            new EventStoreSettings("node-1", Duration.ofSeconds(10), true, Duration.ofSeconds(60), 250), 10_000,
            Duration.ofSeconds(15));

    @Test
    void a_file_above_the_row_limit_or_a_client_that_prefers_it_gets_a_job_and_an_unreadable_file_never() {
        assertThat(jobs.runsAsJob(false, new ImportRowCount(10_000, true))).isFalse();
        assertThat(jobs.runsAsJob(false, new ImportRowCount(10_001, true))).isTrue();
        assertThat(jobs.runsAsJob(true, new ImportRowCount(3, true))).isTrue();
        assertThat(jobs.runsAsJob(true, new ImportRowCount(0, false))).isFalse();
        assertThat(jobs.runsAsJob(false, new ImportRowCount(50_000, false))).isFalse();
    }

    @Test
    void a_running_job_shows_its_rate_and_the_time_left_at_that_rate() {
        // 40 s in, 30,000 of 100,000 rows: 750 rows/s, 70,000 rows left = 93 s after the last progress (1 s ago)
        ImportJobStatus status = ImportJobStatus.of(stored("running", 30_000, NOW.minusSeconds(41), NOW.minusSeconds(1)),
                null, NOW, NOW.minusSeconds(15));

        assertThat(status.state()).isEqualTo("running");
        assertThat(status.rowsPerSecond()).isEqualTo(750.0);
        assertThat(status.etaSeconds()).isEqualTo(92);
        assertThat(status.estimatedFinishAt()).isEqualTo(NOW.plusSeconds(92));
        assertThat(status.estimatedFinishAtShanghai()).isEqualTo("2026-11-29 16:01:32");
        assertThat(status.startedAtShanghai()).isEqualTo("2026-11-29 15:59:19");
    }

    @Test
    void a_job_whose_progress_is_older_than_the_stale_limit_is_interrupted() {
        ImportJobStatus status = ImportJobStatus.of(stored("running", 30_000, NOW.minusSeconds(100),
                NOW.minusSeconds(60)), null, NOW, NOW.minusSeconds(15));

        assertThat(status.state()).isEqualTo("interrupted");
        assertThat(status.etaSeconds()).isNull();
        assertThat(status.finishedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(status.rowsPerSecond()).isEqualTo(750.0);
    }

    @Test
    void a_queued_job_has_no_rate_yet() {
        ImportJobStatus status = ImportJobStatus.of(stored("queued", 0, null, NOW), null, NOW, NOW.minusSeconds(15));

        assertThat(status.state()).isEqualTo("queued");
        assertThat(status.rowsPerSecond()).isNull();
        assertThat(status.etaSeconds()).isNull();
    }

    @Test
    void the_command_line_prints_the_same_rate_and_time_left() {
        ImportCommandLine.Progress progress = new ImportCommandLine.Progress(System.err, 100_000, Duration.ZERO);

        assertThat(progress.line(30_000, 12, 40_000)).isEqualTo(
                "importing: 30,000 of 100,000 rows (30%), 12 rejected, 750 rows/s, about 1 min 33 s left");
        assertThat(progress.line(0, 0, 10)).endsWith("0 rows/s, time left unknown");
    }

    private static ImportJobStore.StoredJob stored(String state, long done, Instant started, Instant seen) {
        return new ImportJobStore.StoredJob("job-1", state, "CSV", "ndrc-office", "node-1", 100_000, done, done, 3,
                NOW.minusSeconds(200), started, null, seen, null, null);
    }
}
