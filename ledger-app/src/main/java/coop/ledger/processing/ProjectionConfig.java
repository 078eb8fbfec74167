package coop.ledger.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The processor that keeps the dashboard tables: a pooled streaming processor reading the event store from the
 * start, tokens in the JDBC token store. Tuned for replay: each segment applies up to {@code batch-size} events in
 * one transaction (batch size matters more than anything on two cores), and a worker that finishes a batch wakes
 * the coordinator at once ({@link ProcessorExecutors}). One segment is the default: every work package is handed
 * every event and skips the other segments' ones, so on one node a second segment costs more than it gains (a
 * replay measured slower with two than with one). The {@code postgres} profile keeps
 * two, so that nodes can share the work. A node claims every segment it can (a token layout made with more
 * segments than configured keeps working); the cluster's balancer spreads them. A failing event rolls its batch
 * back and the segment retries; nothing is skipped silently.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfig {

    @Bean
    ConfigurerModule projectionProcessor(@Value("${ledger.projections.batch-size:500}") int batchSize,
                                         @Value("${ledger.projections.segments:1}") int segments) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(Projections.PROCESSOR,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> {
                            ProcessorExecutors executors = new ProcessorExecutors(Projections.PROCESSOR, segments);
                            return builder
                                    .batchSize(batchSize)
                                    .initialSegmentCount(segments)
                                    .workerExecutor(executors.workers())
                                    .coordinatorExecutor(executors.coordinator());
                        })
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
}
