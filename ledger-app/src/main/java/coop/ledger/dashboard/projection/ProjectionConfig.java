package coop.ledger.dashboard.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

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

    /**
     * A reset stores a ReplayToken, whose reset context is typed {@code Object} with its class name in the JSON.
     * Jackson 3 refuses every such type unless a validator allows it, and the processor could then never read its
     * token again after {@code resetTokens()}. Only Axon's own types and JDK types may be named there.
     */
    @Bean
    Jackson3SerializerCustomizer replayTokenTypes() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.util.")
                .build());
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
