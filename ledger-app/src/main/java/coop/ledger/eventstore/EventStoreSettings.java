package coop.ledger.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the event store, the token store and the streaming processors behave when several nodes share one database.
 *
 * @param nodeId               this node's name in token claims ({@code token_entry.owner}); Axon's default
 *                             (process id and host name) when blank. Must differ between nodes.
 * @param claimTimeout         a segment whose owner has not extended its claim for this long is taken over
 * @param commitOrderedAppends on PostgreSQL, streaming processors see events in an order no late commit can break:
 *                             their reads stop below every position a running transaction holds (see
 *                             {@link CommitOrderedEventStorageEngine}); appends still run concurrently. Only tests
 *                             of the failure it prevents turn it off
 * @param gapTimeout           how long a hole in the global positions is waited for before it is given up
 * @param gapCleaningThreshold holes a processor's token may hold before timed-out ones are cleaned
 */
@ConfigurationProperties("ledger.cluster")
public record EventStoreSettings(String nodeId,
                                 @DefaultValue("10s") Duration claimTimeout,
                                 @DefaultValue("true") boolean commitOrderedAppends,
                                 @DefaultValue("60s") Duration gapTimeout,
                                 @DefaultValue("250") int gapCleaningThreshold) {
}
