package coop.ledger.app;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} shows the ledger's own meters to administrators, auditors and the scrape-only
 * METRICS login, and to nobody else: writes by command and outcome, processor lag, events stored, seal age, the
 * last verification and imported rows.
 */
class MetricsTest extends LedgerHttpTest {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Test
    void writes_are_counted_by_command_and_outcome() {
        double recordedBefore = value(scrape(), "ledger_writes_seconds_count", "RegisterPartyCommand", "recorded");
        double refusedBefore = value(scrape(), "ledger_writes_seconds_count", "RegisterPartyCommand", "refused");
        TestData.Party party = TestData.wanzhou();
        register(party);
        Reply again = api.post("/api/parties", party.json()).send();
        assertThat(again.status()).as("%s", again).isEqualTo(409);

        String metrics = scrape();

        assertThat(value(metrics, "ledger_writes_seconds_count", "RegisterPartyCommand", "recorded"))
                .isEqualTo(recordedBefore + 1);
        assertThat(value(metrics, "ledger_writes_seconds_count", "RegisterPartyCommand", "refused"))
                .isEqualTo(refusedBefore + 1);
    }

    @Test
    void the_audit_side_shows_events_stored_seal_age_last_verification_and_processor_lag() {
        register(TestData.kaizhou());
        assertThat(api.post("/api/audit/seals", object()).as(TestUsers.AUDITOR).send().status()).isLessThan(300);
        assertThat(api.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json().path("verified")
                .asBoolean()).isTrue();

        String metrics = scrape();

        assertThat(gauge(metrics, "ledger_events_stored")).isPositive();
        boolean sealed = !api.get("/api/audit/seals").as(TestUsers.AUDITOR).send().json().isEmpty();
        if (sealed) {
            assertThat(gauge(metrics, "ledger_seal_age_seconds")).isGreaterThanOrEqualTo(0);
        } else { // a seal covers only settled events: none may be old enough yet
            assertThat(gauge(metrics, "ledger_seal_age_seconds")).isNaN();
        }
        assertThat(gauge(metrics, "ledger_verification_verified")).isEqualTo(1);
        assertThat(metrics).contains("ledger_processor_lag_events{processor=\"projections\"}");
    }

    @Test
    void only_administrators_auditors_and_the_metrics_login_may_scrape() {
        assertThat(api.get(PROMETHEUS).as(TestUsers.METRICS).header("Accept", "text/plain").send().status())
                .isEqualTo(200);
        assertThat(api.get(PROMETHEUS).header("Accept", "text/plain").send().status()).as("an administrator")
                .isEqualTo(200);
        assertThat(api.get(PROMETHEUS).as(TestUsers.VIEWER).header("Accept", "text/plain").send().status())
                .isEqualTo(403);
        assertThat(api.get(PROMETHEUS).anonymous().header("Accept", "text/plain").send().status()).isEqualTo(401);
        assertThat(api.get("/api/parties").as(TestUsers.METRICS).send().status())
                .as("the metrics login reads no records").isEqualTo(403);
    }

    private String scrape() {
        Reply reply = api.get(PROMETHEUS).as(TestUsers.AUDITOR).header("Accept", "text/plain").send();
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        return reply.text();
    }

    /** The value of a write meter's series, 0 when it has not been written yet. */
    private static double value(String metrics, String name, String command, String outcome) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{command=\"" + command + "\",outcome=\"" + outcome
                + "\"[^}]*} ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as("%s in the scrape", name).isTrue();
        return Double.parseDouble(m.group(2));
    }
}
