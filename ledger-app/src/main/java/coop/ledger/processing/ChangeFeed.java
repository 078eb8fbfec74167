package coop.ledger.processing;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events to dashboards: every change the projections committed, as event {@code change}, and a
 * {@code heartbeat} every {@code ledger.changes.heartbeat} so proxies keep the connection open. Sending happens on
 * the feed's own thread, so a slow client never holds up the projection processor.
 */
@Component
class ChangeFeed implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "change-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration timeout;
    private final Clock clock;

    public ChangeFeed(@Value("${ledger.changes.heartbeat:15s}") Duration heartbeat,
                      @Value("${ledger.changes.timeout:30m}") Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        sender.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new subscription; it ends after {@code ledger.changes.timeout} (EventSource clients reconnect). */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        subscribers.add(emitter);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(emitter));
        send(emitter, SseEmitter.event().name("ready").data(Map.of("at", clock.instant().toString()),
                MediaType.APPLICATION_JSON).reconnectTime(3000));
        return emitter;
    }

    @Override
    public void committed(List<Change> changes) {
        if (subscribers.isEmpty()) {
            return;
        }
        sender.execute(() -> changes.forEach(change -> subscribers.forEach(emitter -> send(emitter,
                SseEmitter.event().name("change").id(Long.toString(change.position()))
                        .data(change, MediaType.APPLICATION_JSON)))));
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void heartbeat() {
        Map<String, String> beat = Map.of("at", clock.instant().toString());
        subscribers.forEach(emitter -> send(emitter, SseEmitter.event().name("heartbeat")
                .data(beat, MediaType.APPLICATION_JSON)));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away; the container completes the request, and the callbacks unsubscribe it.
            subscribers.remove(emitter);
            log.debug("Dropped a change-feed subscriber: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        completeAll();
        sender.shutdownNow();
    }

    /** Ends every subscription normally, as a shutdown does. */
    void completeAll() {
        subscribers.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        });
        subscribers.clear();
    }
}
