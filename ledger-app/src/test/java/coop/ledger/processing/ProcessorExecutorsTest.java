package coop.ledger.processing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorExecutorsTest {

    private final ProcessorExecutors executors = new ProcessorExecutors("test", 1);

    @AfterEach
    void stop() {
        executors.coordinator().shutdownNow();
        executors.workers().shutdownNow();
    }

    @Test
    void a_finished_worker_task_runs_the_coordinators_buffer_poll_at_once_and_only_once() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        long scheduledAt = System.nanoTime();
        executors.coordinator().schedule(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }, ProcessorExecutors.BUFFER_POLL_MILLIS, TimeUnit.MILLISECONDS);

        executors.workers().submit(() -> { });

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - scheduledAt)
                .as("woken by the worker, not by its own 100 ms timer")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(ProcessorExecutors.BUFFER_POLL_MILLIS));
        Thread.sleep(ProcessorExecutors.BUFFER_POLL_MILLIS * 2);
        assertThat(runs).as("its own timer later finds it done").hasValue(1);
    }

    @Test
    void longer_waits_such_as_the_back_off_after_an_error_are_not_cut_short() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        executors.coordinator().schedule(runs::incrementAndGet, 500, TimeUnit.MILLISECONDS);

        executors.workers().submit(() -> { }).get(5, TimeUnit.SECONDS);
        Thread.sleep(100);

        assertThat(runs).hasValue(0);
        assertThat(((ProcessorExecutors.WakingCoordinator) executors.coordinator()).waiting()).isZero();
    }

    @Test
    void without_a_worker_the_buffer_poll_still_runs_on_its_timer() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        executors.coordinator().schedule(ran::countDown, 20, TimeUnit.MILLISECONDS);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(((ProcessorExecutors.WakingCoordinator) executors.coordinator()).waiting()).isZero();
    }
}
