package coop.ledger.app;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
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
 * H2's own background housekeeping, which H2 runs only in its background writer thread, and that thread does not
 * exist with {@code WRITE_DELAY=0} (the setting that makes every acknowledged write reach the file). Every
 * {@code ledger.h2.compact-interval} it does both of its halves: it moves chunks from the end of the file into the
 * gaps inside it and cuts the file after its last chunk ({@link RandomAccessStore#compactMoveChunks}), when the file
 * grew although it had such gaps; and it rewrites the live pages of the emptiest chunks ({@link MVStore#compact(int,
 * int)}), so that those chunks become free and their space is reused once the retention time has passed: without it,
 * a chunk that keeps one live page among hundreds dead keeps its whole size. The rewritten pages are written by the
 * next commit, like any change. H2 file stores only; {@code 0s} turns it off.
 * <p>
 * How much it rewrites per round follows H2's housekeeping ({@code RandomAccessStore.doHousekeeping}): the store's
 * auto-commit memory, scaled by how far the chunks' live share is below the file's. A fixed amount per round (4 MB
 * every 2 s, the first version), and later H2's busy-store quarter of its amount with rewriting alone, fell behind
 * sustained writes: at 1,000,000 events the file passed the bound issue 18 sets. The amount is capped so a round
 * holds H2's store lock for a bounded time (H2 gives a rewrite up after 10 ms if a commit holds the lock; a round
 * tries a few times). Both halves hold H2's store lock while they copy, so commits wait for them: the price in
 * write throughput is measured in the operations guide (crash and disk).
 */
@Component
class H2Compaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
    /** Rewrite while the live share of the chunks is below this, as H2's AUTO_COMPACT_FILL_RATE default (90). */
    private static final int TARGET_FILL_RATE = 90;
    /** Below this live share of the chunks a round rewrites H2's full amount, above it a quarter. */
    private static final int BUSY_FILL_RATE = 80;
    /** At least this many bytes of pages rewritten per round that rewrites, the first version's fixed amount. */
    private static final int MIN_WRITE = 4 * 1024 * 1024;
    /** At most about this many, so a round never holds the store's lock for long. */
    private static final int MAX_WRITE = 64 * 1024 * 1024;
    /** Tries per round to get H2's store lock for the rewrite (H2 waits 10 ms per try). */
    private static final int LOCK_ATTEMPTS = 5;
    private static final long MB = 1024 * 1024;

    private final ObjectProvider<DataSource> dataSources;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** The file's size when the last round ended (rounds run on one thread). */
    private long sizeAfterLastRound;

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

    private void compactOnce(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (!store.isClosed()) {
                round(store);
            }
        } catch (Exception | AssertionError e) {
            // a round that fails (store closing, pool closed) leaves the file as it is; the next round tries again
            log.debug("H2 compaction round failed", e);
        }
    }

    /**
     * One round of both halves of H2's housekeeping. When the file grew since the last round although it had free
     * space inside (its fill rate below {@value #TARGET_FILL_RATE} %: new chunks found no gap large enough, what H2
     * calls fragmented), chunks are moved from the end of the file into the gaps and the file is cut after its last
     * chunk: the only step that makes the file smaller while the store is open. Then the live pages of the emptiest
     * chunks are rewritten, so that those chunks become free space.
     */
    private void round(MVStore store) throws InterruptedException {
        int fileFill = store.getFillRate();
        long before = store.getFileStore().size();
        long started = System.nanoTime();
        boolean move = fileFill < TARGET_FILL_RATE && before > sizeAfterLastRound;
        if (move && store.getFileStore() instanceof RandomAccessStore file) {
            // H2's own move (it syncs the file before it overwrites, as when it runs in H2's background thread);
            // it waits for the commit in progress and holds the next ones for as long as it copies
            file.compactMoveChunks(101, store.getAutoCommitMemory(), store);
        }
        long moved = System.nanoTime();
        int chunksFill = store.getFileStore().getChunksFillRate();
        int limit = writeLimit(store.getAutoCommitMemory(), store.getFillRate(), chunksFill);
        boolean rewrote = false;
        // H2 waits 10 ms for its store lock and gives the rewrite up; under a steady stream of large commits a round
        // missed it now and then (2 of 16 rounds in one benchmark's appends), and such a round rewrote nothing
        for (int attempt = 0; attempt < LOCK_ATTEMPTS && chunksFill < TARGET_FILL_RATE && !rewrote; attempt++) {
            rewrote = store.compact(TARGET_FILL_RATE, limit);
        }
        sizeAfterLastRound = store.getFileStore().size();
        if (log.isDebugEnabled()) {
            log.debug("h2 round: file {} -> {} MB, file fill {}%, chunks fill {}%, move {} ({} ms), rewrite {} MB: {}"
                    + " ({} ms)", before / MB, sizeAfterLastRound / MB, fileFill, chunksFill, move,
                    (moved - started) / 1_000_000, limit / MB, rewrote, (System.nanoTime() - moved) / 1_000_000);
        }
    }

    /**
     * H2's own amount ({@code autoCommitMemory * fillRate / chunksFillRate}, in
     * {@code RandomAccessStore.doHousekeeping}): the emptier the chunks are against the file, the more to rewrite.
     * H2 takes a quarter of it while the store is busy; the ledger's store is busy whenever it writes, so that
     * quarter would be the rule, and it fell behind sustained writes (the chunks a third dead and more while the
     * projections caught up on a million events): the quarter only while the chunks are at least
     * {@value #BUSY_FILL_RATE} % live.
     */
    static int writeLimit(int autoCommitMemory, int fileFillRate, int chunksFillRate) {
        long limit = (long) autoCommitMemory * Math.max(fileFillRate, 1) / Math.max(chunksFillRate, 1);
        if (chunksFillRate >= BUSY_FILL_RATE) {
            limit /= 4;
        }
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
