package coop.ledger.dashboard.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processor that keeps the dashboard tables: a pooled streaming processor reading the event store from the
 * start, tokens in the JDBC token store. Tuned for replay: each segment applies up to {@code batch-size} events in
 * one transaction (batch size matters more than anything on two cores). A failing event rolls its batch back and
 * the segment retries; nothing is skipped silently.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfig {

    @Bean
    ConfigurerModule projectionProcessor(@Value("${ledger.projections.batch-size:250}") int batchSize,
                                         @Value("${ledger.projections.segments:2}") int segments) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(Projections.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder
                                .batchSize(batchSize)
                                .initialSegmentCount(segments)
                                .maxClaimedSegments(segments)
                                .workerExecutor(name -> Executors.newScheduledThreadPool(segments,
                                        threads("projections-worker-")))
                                .coordinatorExecutor(name -> Executors.newSingleThreadScheduledExecutor(
                                        threads("projections-coordinator-"))))
                .registerListenerInvocationErrorHandler(Projections.PROCESSOR, c -> PropagatingErrorHandler.instance());
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
