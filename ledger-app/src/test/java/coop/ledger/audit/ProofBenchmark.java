package coop.ledger.audit;

import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The proofs phase of {@code LedgerBenchmark} (phase {@code proofs}): on the ledger the replay phase filled, the time
 * of the first seal (which builds the kept interior nodes of the whole history) and of a seal over 1,000 new events,
 * inclusion-proof and consistency-proof latencies (p50, p99), and verification throughput with the signatures
 * checked. Not a test; it lives in the audit package to reach the slice's package-private classes.
 */
public final class ProofBenchmark {

    /** Prints one benchmark row. */
    public interface Row {
        void print(String what, double value, String unit);
    }

    private static final int SAMPLES = 300;
    private static final int MAX_RECORD_EVENTS = 100;

    private ProofBenchmark() {
    }

    public static void run(ConfigurableApplicationContext context, Map<String, Object> out, Row row)
            throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        LedgerSealer sealer = context.getBean(LedgerSealer.class);
        LedgerProofs proofs = context.getBean(LedgerProofs.class);
        SealKeys keys = context.getBean(SealKeys.class);
        Map<String, Object> results = new LinkedHashMap<>();
        out.put("proofs", results);

        long newest = newest(dataSource);
        if (newest < 10_000) {
            row.print("proofs phase skipped: fewer than 10,000 events (run the replay phase first)", newest, "events");
            return;
        }
        // ten seals across the history; the first one builds the interior nodes of everything below it
        long start = System.nanoTime();
        sealer.sealThrough(newest / 10);
        double firstSeal = (System.nanoTime() - start) / 1e6;
        for (int i = 2; i < 10; i++) {
            sealer.sealThrough(newest * i / 10);
        }
        sealer.sealThrough(newest - 1_000);
        start = System.nanoTime();
        Seal last = sealer.sealThrough(newest).orElseThrow();
        double incrementalSeal = (System.nanoTime() - start) / 1e6;
        results.put("firstSealMs", firstSeal);
        results.put("sealOf1000NewEventsMs", incrementalSeal);
        row.print("h2 first seal over " + newest / 10 + " events (builds interior nodes)", firstSeal, "ms");
        row.print("h2 seal of 1,000 new events on " + last.events() + " events", incrementalSeal, "ms");

        Random random = new Random(15);
        List<String> records = records(dataSource, random, newest);
        long[] inclusion = new long[SAMPLES];
        int proven = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            proven += proofs.recordProof(records.get(i % records.size()), null, null).events().size();
            inclusion[i] = System.nanoTime() - t;
        }
        Arrays.sort(inclusion);
        results.put("inclusionP50Ms", percentile(inclusion, 0.5));
        results.put("inclusionP99Ms", percentile(inclusion, 0.99));
        row.print("h2 inclusion proof, record of <= " + MAX_RECORD_EVENTS + " events (" + proven / SAMPLES
                + " on average) on " + last.events() + ": p50", percentile(inclusion, 0.5),
                String.format("ms, p99 %.1f ms", percentile(inclusion, 0.99)));

        List<Seal> seals = sealer.seals();
        long[] consistency = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int a = random.nextInt(seals.size() - 1);
            int b = a + 1 + random.nextInt(seals.size() - a - 1);
            long t = System.nanoTime();
            proofs.consistency(seals.get(a).position(), seals.get(b).position());
            consistency[i] = System.nanoTime() - t;
        }
        Arrays.sort(consistency);
        results.put("consistencyP50Ms", percentile(consistency, 0.5));
        results.put("consistencyP99Ms", percentile(consistency, 0.99));
        row.print("h2 consistency proof between two of " + seals.size() + " seals: p50",
                percentile(consistency, 0.5), String.format("ms, p99 %.1f ms", percentile(consistency, 0.99)));

        start = System.nanoTime();
        VerificationReport report;
        try (Connection connection = dataSource.getConnection()) {
            report = new LedgerVerifier(keys).verify(connection);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put("verifierWithSignaturesEventsPerSecond", report.events() / seconds);
        row.print("h2 verifier with seal signatures over " + report.events() + " events (verified="
                + report.verified() + ")", report.events() / seconds, "events/s");
    }

    private static long newest(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SealedLedger.newestPosition(c);
        }
    }

    /** Records of at most {@value #MAX_RECORD_EVENTS} events, taken at random positions of the history. */
    private static List<String> records(DataSource dataSource, Random random, long newest) throws SQLException {
        List<String> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement at = c.prepareStatement("SELECT aggregate_identifier FROM domain_event_entry "
                     + "WHERE global_index >= ? ORDER BY global_index LIMIT 1");
             PreparedStatement size = c.prepareStatement("SELECT COUNT(*) FROM domain_event_entry "
                     + "WHERE aggregate_identifier = ?")) {
            for (int tries = 0; records.size() < 50 && tries < 2_000; tries++) {
                at.setLong(1, 1 + (long) (random.nextDouble() * newest));
                try (ResultSet rs = at.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        continue;
                    }
                    String record = rs.getString(1);
                    size.setString(1, record);
                    try (ResultSet count = size.executeQuery()) {
                        count.next();
                        if (count.getLong(1) <= MAX_RECORD_EVENTS && !records.contains(record)) {
                            records.add(record);
                        }
                    }
                }
            }
        }
        return records;
    }

    private static double percentile(long[] sortedNanos, double q) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
    }
}
