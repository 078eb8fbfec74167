package coop.ledger.testdata;

import coop.ledger.agreement.command.Agreement;
import coop.ledger.party.command.Party;
import coop.ledger.project.command.Project;
import coop.ledger.programme.command.Programme;
import coop.ledger.shared.LedgerEvent;
import coop.ledger.shared.RecordHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * Aggregate fixtures wired with the sample directory, the fixed clock and the record's history (the fixture's own
 * given events, read back by sequence number), as the application wires them.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static FixtureConfiguration<Party> party() {
        return wired(new AggregateTestFixture<>(Party.class));
    }

    public static FixtureConfiguration<Agreement> agreement() {
        return wired(new AggregateTestFixture<>(Agreement.class));
    }

    public static FixtureConfiguration<Programme> programme() {
        return wired(new AggregateTestFixture<>(Programme.class));
    }

    public static FixtureConfiguration<Project> project() {
        return wired(new AggregateTestFixture<>(Project.class));
    }

    private static <T> FixtureConfiguration<T> wired(FixtureConfiguration<T> fixture) {
        fixture.registerInjectableResource(InMemoryRecordDirectory.withSamples());
        fixture.registerInjectableResource(Samples.CLOCK);
        fixture.registerInjectableResource((RecordHistory) (recordId, sequence) -> fixture.getEventStore()
                .readEvents(recordId, sequence).asStream()
                .filter(message -> message.getSequenceNumber() == sequence)
                .map(message -> (LedgerEvent) message.getPayload())
                .findFirst());
        return fixture;
    }
}
