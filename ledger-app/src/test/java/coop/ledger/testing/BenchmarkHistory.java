package coop.ledger.testing;

import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.util.List;

/** The replay test's history generator, for the benchmarks: one chunk of about 20,000 varied events. */
public final class BenchmarkHistory {

    private BenchmarkHistory() {
    }

    /** A deterministic history of 300 parties, 950 agreements, 1,100 projects and 55 programmes, ids from prefix. */
    public static List<GenericDomainEventMessage<?>> chunk(String prefix) {
        return new HistoryGenerator(prefix).generate(300, 950, 1100, 55);
    }
}
