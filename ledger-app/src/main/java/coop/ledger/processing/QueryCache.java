package coop.ledger.processing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers repeated dashboard queries from the result of the first, until the projections change. Summaries and
 * statistics scan whole projection tables, and a wall of dashboards asks the same few questions many times a
 * second: each answer is computed once per change instead of once per request, and concurrent askers of the same
 * question wait for one computation instead of each running it.
 * <p>
 * A commit of this node's projections forgets everything at once. On H2 that is every change there can be: the
 * database file admits one application, so by default an answer has no age limit (at a million events a summary
 * takes over a second to compute, and recomputing it each second stalled every dashboard). On a PostgreSQL
 * cluster the other nodes' commits are not seen here, so the {@code postgres} profile sets
 * {@code ledger.query.cache-max-age} to 1 s: that bounds how far a dashboard on this node can lag the others.
 * {@code 0} turns the cache off. A rebuild bypasses it.
 * <p>
 * An answer served in a web request is also kept as the JSON bytes it was first written as, with their ETag
 * ({@link CachedJsonConverter}): the same entry, so the bytes are forgotten exactly when the answer is.
 */
@Component
public class QueryCache implements ChangeListener {

    static final int CAPACITY = 512;

    /** The request attribute that tells {@link CachedJsonConverter} which answer of this cache it is writing. */
    static final String ANSWER = QueryCache.class.getName() + ".answer";

    private record Entry(long generation, Object rebuildPhase, long computedAt, CompletableFuture<Object> value,
                         SerializedAnswer serialized) {

        Entry(long generation, Object rebuildPhase, long computedAt) {
            this(generation, rebuildPhase, computedAt, new CompletableFuture<>(), new SerializedAnswer());
        }
    }

    private final long maxAgeNanos;
    private final ProjectionRebuild rebuild;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Object, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    public QueryCache(@Value("${ledger.query.cache-max-age:365d}") Duration maxAge, ProjectionRebuild rebuild) {
        this.maxAgeNanos = maxAge.toNanos();
        this.rebuild = rebuild;
    }

    /**
     * The answer to {@code question} (a value with equals and hashCode over everything the answer depends on),
     * computed by {@code answer} unless a fresh one is at hand.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object question, Supplier<T> answer) {
        if (maxAgeNanos <= 0 || rebuild.running()) {
            // Off, or a replay is running: it announces no changes, so its partial tables are read afresh each time.
            T value = answer.get();
            offerToRequest(value, new SerializedAnswer());
            return value;
        }
        long now = System.nanoTime();
        // Taken before computing: a commit (or a rebuild) during the computation makes this answer stale at once.
        long current = generation.get();
        Object phase = rebuild.phase();
        Entry mine = new Entry(current, phase, now);
        Entry found;
        synchronized (entries) {
            found = entries.get(question);
            if (found == null || found.generation() != current || found.rebuildPhase() != phase
                    || now - found.computedAt() > maxAgeNanos
                    || found.value().isCompletedExceptionally()) {
                entries.put(question, mine);
                found = null;
            }
        }
        if (found != null) {
            T value = (T) awaitAnswer(found.value());
            offerToRequest(value, found.serialized());
            return value;
        }
        try {
            T value = answer.get();
            mine.value().complete(value);
            offerToRequest(value, mine.serialized());
            return value;
        } catch (RuntimeException | Error e) {
            mine.value().completeExceptionally(e);
            synchronized (entries) {
                entries.remove(question, mine);
            }
            throw e;
        }
    }

    @Override
    public void committed(List<Change> changes) {
        generation.incrementAndGet();
    }

    /**
     * Lets the response writer of the current web request (if any) reuse the bytes this answer was written as
     * before. Per request, so that security, content negotiation and the handler itself still run every time.
     */
    private static void offerToRequest(Object value, SerializedAnswer serialized) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ANSWER, new OfferedAnswer(value, serialized), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The answer a handler got from the cache in this request, and where its serialized form is kept. */
    record OfferedAnswer(Object value, SerializedAnswer serialized) {
    }

    private static Object awaitAnswer(CompletableFuture<Object> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
