package coop.ledger.testdata;

import coop.ledger.agreement.command.Agreement;
import coop.ledger.party.command.Party;
import coop.ledger.project.command.Project;
import coop.ledger.programme.command.Programme;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** Aggregate fixtures wired with the sample directory and the fixed clock, as the application wires them. */
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
        return fixture;
    }
}
