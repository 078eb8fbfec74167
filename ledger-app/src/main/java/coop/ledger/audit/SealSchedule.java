package coop.ledger.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Seals the ledger every {@code ledger.audit.seal-interval} once the application is ready (0 turns it off). */
class SealSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SealSchedule.class);

    private final LedgerSealer sealer;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public SealSchedule(LedgerSealer sealer, Duration interval) {
        this.sealer = sealer;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sealQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sealQuietly() {
        try {
            sealer.seal().ifPresent(seal -> log.info("Sealed {} events up to position {}: root {}", seal.events(),
                    seal.position(), seal.root()));
        } catch (Exception e) {
            log.error("Could not seal the ledger", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
