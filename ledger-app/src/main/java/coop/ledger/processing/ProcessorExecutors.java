package coop.ledger.processing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coordinator and worker threads of one pooled processor, wired so that a worker finishing a batch wakes a
 * coordinator that is waiting for buffer space.
 *
 * <p>Axon's coordinator hands each segment at most 1,024 buffered events. When a buffer is full it looks again
 * only after 100 ms, and nothing wakes it earlier. In a replay the workers empty their buffers in a fraction of
 * that and then sit idle: replay was capped by that wait whatever the batch size or segment count. Here a
 * coordination scheduled with a delay of at most {@link #BUFFER_POLL_MILLIS} runs as soon as a worker has finished
 * a batch. Longer waits (caught up, the claim interval, the back-off after an error) keep their delay, so an
 * error still backs off.
 */
final class ProcessorExecutors {

    /** The delay of Axon's "no buffer space" poll; the coordinator's other delays are all longer. */
    static final long BUFFER_POLL_MILLIS = 100;

    private final WakingCoordinator coordinator;
    private final ScheduledExecutorService workers;

    ProcessorExecutors(String name, int workerThreads) {
        coordinator = new WakingCoordinator(threads(name + "-coordinator-"));
        workers = new ScheduledThreadPoolExecutor(workerThreads, threads(name + "-worker-")) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                super.afterExecute(task, failure);
                coordinator.wake();
            }
        };
    }

    ScheduledExecutorService coordinator() {
        return coordinator;
    }

    ScheduledExecutorService workers() {
        return workers;
    }

    /** A single coordinator thread whose short waits can be cut short by {@link #wake()}. */
    static final class WakingCoordinator extends ScheduledThreadPoolExecutor {

        private final Set<RunOnce> waiting = ConcurrentHashMap.newKeySet();

        WakingCoordinator(ThreadFactory threads) {
            super(1, threads);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay <= 0 || unit.toMillis(delay) > BUFFER_POLL_MILLIS) {
                return super.schedule(command, delay, unit);
            }
            RunOnce task = new RunOnce(command);
            waiting.add(task);
            return super.schedule(task, delay, unit);
        }

        /** Runs every waiting short-delay task now; each still runs once only (its timer then finds it done). */
        void wake() {
            for (RunOnce task : waiting) {
                if (waiting.remove(task) && !isShutdown()) {
                    try {
                        execute(task);
                    } catch (RejectedExecutionException shuttingDown) {
                        return;
                    }
                }
            }
        }

        int waiting() {
            return waiting.size();
        }

        private final class RunOnce implements Runnable {
            private final Runnable command;
            private final AtomicBoolean started = new AtomicBoolean();

            RunOnce(Runnable command) {
                this.command = command;
            }

            @Override
            public void run() {
                waiting.remove(this);
                if (started.compareAndSet(false, true)) {
                    command.run();
                }
            }
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
