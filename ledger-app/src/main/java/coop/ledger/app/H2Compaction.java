package coop.ledger.app;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The chunk-rewriting half of H2's own background housekeeping, which H2 runs only in its background writer thread,
 * and that thread does not exist with {@code WRITE_DELAY=0} (the setting that makes every acknowledged write reach
 * the file). Every {@code ledger.h2.compact-interval} it asks the store to rewrite the live pages of its emptiest
 * chunks ({@link MVStore#compact(int, int)}), so that those chunks become free and their space is reused once the
 * retention time has passed: without it, a chunk that keeps one live page among hundreds dead keeps its whole size.
 * The rewritten pages are written by the next commit, like any change. H2 file stores only; {@code 0s} turns it off.
 * <p>
 * How much it rewrites per round follows H2's housekeeping ({@code RandomAccessStore.doHousekeeping}): the store's
 * auto-commit memory, scaled by how far the chunks' live share is below the file's, a quarter of it while the store
 * is busy. A fixed amount per round (4 MB every 2 s, the first version) fell behind whenever the writes produced
 * partly dead chunks faster than that, as the projections do while they catch up after a restart: the file then
 * grew past the bound issue 18 sets. The amount is capped so a round holds H2's store lock for a bounded time (H2
 * gives the round up after 10 ms if a commit holds the lock).
 */
@Component
class H2Compaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
    /** Rewrite while the live share of the chunks is below this, as H2's AUTO_COMPACT_FILL_RATE default (90). */
    private static final int TARGET_FILL_RATE = 90;
    /** At least this many bytes of pages rewritten per round that rewrites, the first version's fixed amount. */
    private static final int MIN_WRITE = 4 * 1024 * 1024;
    /** At most about this many, so a round never holds the store's lock for long. */
    private static final int MAX_WRITE = 32 * 1024 * 1024;

    private final ObjectProvider<DataSource> dataSources;
    private final Duration interval;
    private ScheduledExecutorService executor;

    H2Compaction(ObjectProvider<DataSource> dataSources,
                 @Value("${ledger.h2.compact-interval:1s}") Duration interval) {
        this.dataSources = dataSources;
        this.interval = interval;
    }

    @Override
    public void start() {
        DataSource dataSource = dataSources.getIfAvailable();
        if (interval.isZero() || !(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null
                || !hikari.getJdbcUrl().startsWith("jdbc:h2:file:")) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> compactOnce(dataSource), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void compactOnce(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, writeLimit(store.getAutoCommitMemory(), store.getFillRate(),
                        store.getFileStore().getChunksFillRate()));
            }
        } catch (Exception | AssertionError e) {
            // a round that fails (store closing, pool closed) leaves the file as it is; the next round tries again
            log.debug("H2 compaction round failed", e);
        }
    }

    /**
     * H2's own amount ({@code autoCommitMemory * fillRate / chunksFillRate / 4} for a busy store, in
     * {@code RandomAccessStore.doHousekeeping}): the emptier the chunks are against the file, the more to rewrite.
     */
    static int writeLimit(int autoCommitMemory, int fileFillRate, int chunksFillRate) {
        long limit = (long) autoCommitMemory * Math.max(fileFillRate, 1) / Math.max(chunksFillRate, 1) / 4;
        return (int) Math.min(MAX_WRITE, Math.max(MIN_WRITE, limit));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
