package coop.ledger.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The jar's integrity modes.
 * <ul>
 * <li>{@code java -jar ledger-app.jar verify [--ledger.data-dir=DIR]}: verifies a store with plain JDBC, without
 * Spring and without the application running (e.g. on a copy of the H2 file, opened read-only); prints the report
 * and exits 0 when verified, 1 when broken, 2 when the store cannot be read.</li>
 * <li>{@code java -jar ledger-app.jar restore FILE [--ledger.data-dir=DIR]}: restores an export into an empty store
 * (created when missing), without a web server; exits 0 when restored, 1 when refused.</li>
 * <li>{@code java -jar ledger-app.jar verify-proof PROOF.json --public-key KEY.pem [--kept-seal SEAL.json]}:
 * verifies a record proof offline ({@link ProofVerifier}), with no database and no network; exits 0 when verified,
 * 1 when broken (naming what), 2 when a file cannot be read or the proof cannot answer the question.</li>
 * </ul>
 * A PostgreSQL store is named with {@code --spring.datasource.url=…} (and {@code .username}, {@code .password}).
 */
public final class AuditCommandLine {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditCommandLine() {
    }

    public static int verify(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        String dataDir = options.getOrDefault("ledger.data-dir", "./data");
        String url = options.getOrDefault("spring.datasource.url",
                "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize() + "/ledger;IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
        Properties login = new Properties();
        login.setProperty("user", options.getOrDefault("spring.datasource.username", "sa"));
        login.setProperty("password", options.getOrDefault("spring.datasource.password", ""));
        try (Connection connection = driverFor(url).connect(url, login)) {
            if (connection == null) {
                err.println("no JDBC driver accepts " + url);
                return 2;
            }
            VerificationReport report = new LedgerVerifier().verify(connection);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.verified() ? 0 : 1;
        } catch (SQLException | ReflectiveOperationException e) {
            err.println("cannot read the ledger at " + url + ": " + e.getMessage());
            return 2;
        }
    }

    public static int verifyProof(String[] args, PrintStream out, PrintStream err) {
        Path proofFile = null;
        Path keyFile = null;
        Path keptFile = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--public-key") || arg.equals("--kept-seal")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                if (arg.equals("--public-key")) {
                    keyFile = value;
                } else {
                    keptFile = value;
                }
            } else if (arg.startsWith("--public-key=")) {
                keyFile = Path.of(arg.substring("--public-key=".length()));
            } else if (arg.startsWith("--kept-seal=")) {
                keptFile = Path.of(arg.substring("--kept-seal=".length()));
            } else if (proofFile == null && !arg.startsWith("--")) {
                proofFile = Path.of(arg);
            }
        }
        if (proofFile == null || keyFile == null) {
            err.println("usage: java -jar ledger-app.jar verify-proof PROOF.json --public-key KEY.pem "
                    + "[--kept-seal SEAL.json]");
            return 2;
        }
        SealKey key;
        Seal kept = null;
        tools.jackson.databind.JsonNode proof;
        try {
            // the key as PEM, or as the JSON of GET /api/audit/public-key (its "pem" holds the same block)
            key = SealKey.fromPem(Files.readString(keyFile));
            proof = ProofVerifier.read(Files.readAllBytes(proofFile));
            if (keptFile != null) {
                kept = ProofVerifier.seal(ProofVerifier.read(Files.readAllBytes(keptFile)));
            }
        } catch (java.io.IOException | RuntimeException e) {
            err.println("cannot read the proof, key or kept seal: " + e.getMessage());
            return 2;
        }
        ProofVerifier.Outcome outcome;
        try {
            outcome = ProofVerifier.verify(proof, key, kept);
        } catch (RuntimeException malformed) {
            err.println("cannot read the proof: " + malformed.getMessage());
            return 2;
        }
        outcome.checked().forEach(line -> out.println("ok      " + line));
        outcome.broken().forEach(line -> out.println("BROKEN  " + line));
        outcome.uncheckable().forEach(line -> out.println("CANNOT  " + line));
        out.println(outcome.exitCode() == 0 ? "VERIFIED" : outcome.exitCode() == 1 ? "BROKEN" : "NOT VERIFIED");
        return outcome.exitCode();
    }

    public static int restore(Class<?> application, String[] args, PrintStream out, PrintStream err)
            throws Exception {
        List<String> springArgs = new ArrayList<>();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else if (file == null) {
                file = Path.of(args[i]);
            }
        }
        if (file == null || !Files.isReadable(file)) {
            err.println("usage: java -jar ledger-app.jar restore FILE.ndjson [--ledger.data-dir=DIR]"
                    + (file == null ? "" : "\ncannot read " + file));
            return 64;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // A restore writes the whole ledger in one run: the stop compacts the H2 file fully (see UncleanShutdownRepair).
        app.setDefaultProperties(Map.of("ledger.h2.compact-on-stop", "true"));
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new));
             InputStream in = Files.newInputStream(file)) {
            LedgerRestore.RestoreReport report = context.getBean(AuditLedger.class).restore(in, true);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            err.printf("restored %,d events and %,d seals; the ledger verifies up to position %d%n",
                    report.events(), report.seals(), report.verification().position());
            return 0;
        } catch (RestoreRefusedException e) {
            err.println("restore refused (" + e.rule() + "): " + e.getMessage());
            return 1;
        }
    }

    private static Driver driverFor(String url) throws ReflectiveOperationException {
        String driver = url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver";
        return (Driver) Class.forName(driver, true, AuditCommandLine.class.getClassLoader())
                .getDeclaredConstructor().newInstance();
    }

    /** {@code --name=value} arguments. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
