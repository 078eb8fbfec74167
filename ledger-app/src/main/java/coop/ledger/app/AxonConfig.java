package coop.ledger.app;

import coop.ledger.eventstore.BatchAggregateCache;
import coop.ledger.eventstore.CommitOrderedEventStorageEngine;
import coop.ledger.eventstore.DuplicateKeyResolver;
import coop.ledger.eventstore.EventStoreSettings;
import coop.ledger.eventstore.IndexedGapReads;
import coop.ledger.eventstore.RenamedEventTypes;
import coop.ledger.eventstore.SpringManagedConnections;
import coop.ledger.agreement.command.Agreement;
import coop.ledger.audit.HashingAppendEvents;
import coop.ledger.party.command.Party;
import coop.ledger.programme.command.Programme;
import coop.ledger.project.command.Project;
import coop.ledger.shared.write.IdempotencyInterceptor;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.write.GroupCommitCommandBus;
import coop.ledger.shared.write.GroupCommitter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventsourcing.Snapshotter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.MapperFeature;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Axon wiring: a JDBC event store in our own snake_case tables (created by Flyway, not by Axon), the JDBC token
 * store, the aggregates, and the metadata every event carries (who recorded it, correlation and causation).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreSettings.class)
class AxonConfig {

    /** The one clock of the ledger; Axon stamps every event's recorded-at time from it. */
    @Bean
    Clock clock() {
        Clock clock = Clock.systemUTC();
        GenericEventMessage.clock = clock;
        return clock;
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        // Spring's transaction, not the unit of work, commits and rolls back a connection it manages (see there)
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringManagedConnections(dataSource));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          DataSource dataSource,
                                          EventStoreSettings settings,
                                          @Value("${ledger.event-store.read-batch-size:100}") int readBatchSize,
                                          org.axonframework.config.Configuration configuration) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                // every event carries its hash and its link to the record's previous event (tamper evidence)
                .appendEvents(new HashingAppendEvents())
                // Axon's read after a token with gaps scans the whole table on H2; this one uses the key
                .readEventDataWithGaps(new IndexedGapReads())
                .batchSize(readBatchSize)
                .gapTimeout(Math.toIntExact(settings.gapTimeout().toMillis()))
                .gapCleaningThreshold(settings.gapCleaningThreshold());
        // on PostgreSQL, stream reads stop where no running transaction holds a position (docs/cluster-appends.md)
        boolean settledReads = settings.commitOrderedAppends() && isPostgres(dataSource);
        return new CommitOrderedEventStorageEngine(builder, transactionManager, settledReads);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to find out which one it is", e);
        }
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          EventStoreSettings settings) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .contentType(byte[].class)
                .claimTimeout(settings.claimTimeout());
        if (settings.nodeId() != null && !settings.nodeId().isBlank()) {
            builder.nodeId(settings.nodeId());
        }
        return builder.build();
    }

    /**
     * Every pooled streaming processor extends its segment claims well within the claim timeout, so a live node
     * never loses them to another. (Segment counts are per processor:
     * {@code axon.eventhandling.processors.<name>.initial-segment-count}.)
     */
    @Bean
    ConfigurerModule streamingProcessorDefaults(EventStoreSettings settings) {
        long claimExtension = Math.max(100, settings.claimTimeout().toMillis() / 3);
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(claimExtension));
    }

    /**
     * Snapshots are the aggregates' own fields (not their getters) as plain JSON: an aggregate holds its state
     * record and a few facts about its past, all of concrete types, so no class name is written or read. Each
     * aggregate class carries its snapshot revision ({@code @Revision}); Axon's aggregate configuration filters
     * stored snapshots by it, so one of an older shape is never read and the record is folded from its events.
     * Events, tokens and metadata keep the general serializers; only snapshots use this one (not a bean, so it
     * never competes with Axon's serializers).
     */
    static Serializer snapshotSerializer() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper
                        // the aggregates' maps of citable events are final fields
                        .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                        .changeDefaultVisibility(v -> v
                                .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                                .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                                .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE)
                                .withSetterVisibility(JsonAutoDetect.Visibility.NONE)
                                // never a command-handling constructor: aggregates come back through their no-arg one
                                .withCreatorVisibility(JsonAutoDetect.Visibility.NONE)))
                .build();
    }

    /**
     * Every aggregate is snapshotted each {@code ledger.snapshots.every} events (0 turns snapshots off), so loading a
     * record reads its newest snapshot and the events after it instead of its whole history. A snapshot of another
     * revision than its aggregate's is skipped ({@code configuration.snapshotFilter()}, given to the storage engine
     * above); one that cannot be read is ignored. Either way the record is rebuilt from all its events.
     */
    @Bean
    ConfigurerModule aggregatesAndProcessing(@Value("${ledger.snapshots.every:100}") int snapshotEvery) {
        return configurer -> {
            // Axon's Spring snapshotter knows only @Aggregate beans; ours are configured here, so is their snapshotter.
            AtomicReference<Snapshotter> snapshotter = new AtomicReference<>();
            Function<org.axonframework.config.Configuration, Snapshotter> shared = c -> snapshotter.updateAndGet(
                    existing -> existing != null ? existing : AggregateSnapshotter.builder()
                            .eventStore(c.eventStore())
                            .aggregateFactories(factory(c, Party.class), factory(c, Agreement.class),
                                    factory(c, Programme.class), factory(c, Project.class))
                            .parameterResolverFactory(c.parameterResolverFactory())
                            .handlerDefinition(c.handlerDefinition(Party.class))
                            .transactionManager(c.getComponent(TransactionManager.class))
                            // on a thread of its own, in a transaction of its own, after the command's commit
                            .executor(SNAPSHOTS)
                            .build());
            configurer.registerEventUpcaster(c -> new RenamedEventTypes());
            configurer.configureAggregate(aggregate(Party.class, snapshotEvery, shared));
            configurer.configureAggregate(aggregate(Agreement.class, snapshotEvery, shared));
            configurer.configureAggregate(aggregate(Programme.class, snapshotEvery, shared));
            configurer.configureAggregate(aggregate(Project.class, snapshotEvery, shared));
            // A directory that silently missed an event would let the rules accept unknown parties: fail instead.
            configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler("record-directory", c -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * An aggregate factory whose model resolves handler parameters as the command bus does: with the configured
     * resolvers (the Spring beans, such as the Clock, among them), not only those on the class path. A model
     * inspected without them fails in the packaged jar, where no class-path resolver can find a Clock.
     */
    private static <A> GenericAggregateFactory<A> factory(org.axonframework.config.Configuration c, Class<A> type) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                c.parameterResolverFactory(), c.handlerDefinition(type)));
    }

    private static final java.util.concurrent.Executor SNAPSHOTS = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "ledger-snapshotter");
                thread.setDaemon(true);
                return thread;
            });

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, int snapshotEvery,
                                                        Function<org.axonframework.config.Configuration, Snapshotter> snapshotter) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        // holds records only inside an import batch, on its thread (see BatchAggregateCache)
        aggregate.configureCache(c -> new BatchAggregateCache(type.getSimpleName()));
        if (snapshotEvery > 0) {
            aggregate.configureSnapshotTrigger(
                    c -> new EventCountSnapshotTriggerDefinition(snapshotter.apply(c), snapshotEvery));
        }
        return aggregate;
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider recordedBy() {
        return new SimpleCorrelationDataProvider(CommandSender.RECORDED_BY);
    }

    /** Axon's auto-configuration registers every handler interceptor bean on the command bus. */
    @Bean
    IdempotencyInterceptor idempotencyInterceptor(DataSource dataSource, Clock clock) {
        return new IdempotencyInterceptor(dataSource, clock);
    }

    /**
     * Group commit ({@code ledger.write.group-commit.*}, see docs/group-commit.md): concurrent writes of different
     * records share one database commit. Its thread starts with the first grouped write, so with group commit off it
     * never runs.
     */
    @Bean
    GroupCommitter groupCommitter(CommandBus commandBus, PlatformTransactionManager platformTransactionManager,
                                  @Value("${ledger.write.group-commit.max-size:64}") int maxGroupSize) {
        // the application's registry joins Micrometer's global one (as the importer's counters do)
        DistributionSummary sizes = DistributionSummary.builder("ledger.write.group-commit.size")
                .description("Commands committed together, per commit of a group").register(Metrics.globalRegistry);
        return new GroupCommitter(commandBus, platformTransactionManager, maxGroupSize, sizes::record);
    }

    /**
     * Axon's own gateway, over its command bus or, with group commit on, over the path that hands a record's write
     * to the {@link GroupCommitter} (Axon's auto-configuration then leaves its gateway out).
     */
    @Bean
    CommandGateway ledgerCommandGateway(CommandBus commandBus, GroupCommitter groupCommitter,
                                        @Value("${ledger.write.group-commit.enabled:false}") boolean groupCommit) {
        return DefaultCommandGateway.builder()
                .commandBus(groupCommit ? new GroupCommitCommandBus(commandBus, groupCommitter) : commandBus)
                .build();
    }

    /**
     * Events, directory rows and idempotency keys commit in one Spring transaction. Declared here because Axon's
     * auto-configuration orders itself after Spring Boot 3's class names and on Boot 4 may fall back to no
     * transactions at all.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager platformTransactionManager) {
        return new SpringTransactionManager(platformTransactionManager);
    }
}
