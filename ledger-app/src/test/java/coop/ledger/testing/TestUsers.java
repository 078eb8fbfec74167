package coop.ledger.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The logins the test applications know: administrators ndrc-office, alice and bob, an auditor, a viewer and a
 * scrape-only login for metrics, all
 * with the password {@value #PASSWORD} (a bcrypt hash of cost 4, so logins stay fast in tests).
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password";
    public static final String HASH = "{bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG";
    public static final String AUDITOR = "auditor";
    public static final String VIEWER = "viewer";
    public static final String METRICS = "prometheus";

    /** Spring properties (also usable as --arguments) that configure the users above. */
    public static final String[] PROPERTIES = {
            "ledger.security.users.ndrc-office.password-hash=" + HASH,
            "ledger.security.users.ndrc-office.roles=ADMIN",
            "ledger.security.users.alice.password-hash=" + HASH,
            "ledger.security.users.alice.roles=ADMIN",
            "ledger.security.users.bob.password-hash=" + HASH,
            "ledger.security.users.bob.roles=ADMIN",
            "ledger.security.users.auditor.password-hash=" + HASH,
            "ledger.security.users.auditor.roles=AUDITOR",
            "ledger.security.users.viewer.password-hash=" + HASH,
            "ledger.security.users.viewer.roles=VIEWER",
            "ledger.security.users.prometheus.password-hash=" + HASH,
            "ledger.security.users.prometheus.roles=METRICS"};

    private TestUsers() {
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
