package coop.ledger.app;

import coop.ledger.audit.AuditCommandLine;
import coop.ledger.importing.ImportCommandLine;
import coop.ledger.opendata.OpenDataCommandLine;
import coop.ledger.shared.security.HashPassword;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Cooperation Ledger application: REST API and event store on one Spring Boot process. */
@SpringBootApplication(scanBasePackages = "coop.ledger")
public class LedgerApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("hash-password")) {
            HashPassword.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(AuditCommandLine.verify(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify-proof")) {
            System.exit(AuditCommandLine.verifyProof(args, System.out, System.err));
        }
        quietAxon();
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommandLine.run(LedgerApplication.class, args));
        }
        if (args.length > 0 && args[0].equals("export-oc4ids")) {
            System.exit(OpenDataCommandLine.exportOc4ids(LedgerApplication.class, args, System.err));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(AuditCommandLine.restore(LedgerApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }

    /**
     * Axon's update checker phones home and writes ~/.axoniq, and its console module prints an advertisement; the
     * ledger runs on closed networks, so both are off unless the operator sets these system properties otherwise.
     */
    public static void quietAxon() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }
}
