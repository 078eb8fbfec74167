package coop.ledger.shared.security;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who recorded what, browser-session protection, headers and body limits. */
class SecurityTest extends LedgerHttpTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_recorder_is_the_login_and_a_recorded_by_header_cannot_spoof_it() {
        TestData.Party party = TestData.wanzhou();

        Reply reply = api.post("/api/parties", party.json()).as("alice").header("X-Recorded-By", "mallory").send();

        assertThat(reply.status()).isEqualTo(201);
        List<byte[]> meta = jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, i) -> rs.getBytes(1), party.code());
        assertThat(new String(meta.get(0), StandardCharsets.UTF_8)).contains("\"recordedBy\":\"alice\"")
                .doesNotContain("mallory");
    }

    @Test
    void an_api_write_with_basic_credentials_starts_no_session() {
        Reply reply = api.post("/api/parties", TestData.kaizhou().json()).as("alice").send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_browser_session_write_without_csrf_token_is_refused() {
        Reply reply = api.post("/api/parties", TestData.kaizhou().json()).anonymous()
                .header("Cookie", "JSESSIONID=forged-session").send();

        assertThat(reply.status()).isIn(401, 403);
    }

    @Test
    void responses_carry_security_headers() {
        Reply reply = api.get("/actuator/health").anonymous().send();

        assertThat(reply.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(reply.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void an_oversized_body_is_413_and_records_nothing() {
        String huge = "{\"code\":\"big\",\"nameZh\":\"" + "大".repeat(600_000) + "\",\"kind\":\"OTHER\"}";

        Reply reply = api.post("/api/parties", TestData.kaizhou().json()).body(huge, "application/json").send();

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.get("/api/parties/big").send().status()).isEqualTo(404);
    }

    @Test
    void an_auditor_and_a_viewer_may_read_records() {
        TestData.Party party = TestData.yunyang();
        register(party);

        assertThat(api.get("/api/parties/" + party.code()).as(TestUsers.AUDITOR).send().status()).isEqualTo(200);
        assertThat(api.get("/api/parties/" + party.code()).as(TestUsers.VIEWER).send().status()).isEqualTo(200);
    }
}
