package coop.ledger.shared.write;

import coop.ledger.shared.web.Refusal;
import coop.ledger.shared.web.Refusals;
import coop.ledger.shared.web.WriteResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times every write sent through {@link CommandSender} (the API's and the importer's), by command and outcome:
 * {@code ledger.writes{command, outcome}} with outcome {@code recorded}, {@code replayed} (a retry answered from its
 * Idempotency-Key), {@code refused} (a rule or the request said no: a 4xx), {@code conflict} (the record moved on:
 * {@code version.stale}) or {@code failed} (anything else).
 */
@Component
class WriteMeters {

    private final MeterRegistry registry;

    WriteMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T time(Object command, Supplier<T> write) {
        long started = System.nanoTime();
        String outcome = "recorded";
        try {
            T result = write.get();
            if (result instanceof WriteResult w && w.replayed()) {
                outcome = "replayed";
            }
            return result;
        } catch (RuntimeException | Error e) {
            outcome = outcome(e);
            throw e;
        } finally {
            Timer.builder("ledger.writes").description("Writes handled, by command and outcome")
                    .tag("command", command.getClass().getSimpleName()).tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    static String outcome(Throwable failure) {
        Refusal refusal = Refusals.classify(failure);
        if ("version.stale".equals(refusal.rule())) {
            return "conflict";
        }
        return refusal.status().is4xxClientError() ? "refused" : "failed";
    }
}
