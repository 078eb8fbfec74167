package coop.ledger.importing;

import coop.ledger.app.LedgerApplication;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the jar's import mode ({@code java -jar ledger-app.jar import ...}) printed and returned, run in the test's
 * JVM (no jar exists during the test phase) with its console captured.
 */
record ImportConsole(int exitCode, String out, String err) {

    /** Runs the import mode with {@code args} as the jar's command line would pass them. */
    static ImportConsole run(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int code = ImportCommandLine.run(LedgerApplication.class, args);
            return new ImportConsole(code, outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
