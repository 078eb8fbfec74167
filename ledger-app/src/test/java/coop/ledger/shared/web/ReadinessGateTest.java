package coop.ledger.shared.web;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Until the ledger is ready, writes get 503 to retry; reads, and every request once it is ready, go through. */
class ReadinessGateTest extends LedgerHttpTest {

    @Test
    void a_write_before_the_ledger_is_ready_is_a_503_to_retry_and_reaches_no_handler() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        gate(ReadinessState.REFUSING_TRAFFIC).doFilter(new MockHttpServletRequest("POST", "/api/parties"), response,
                chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"" + Refusal.TYPE_PREFIX + "not-ready\"");
        assertThat(chain.getRequest()).as("the request went no further").isNull();
    }

    @Test
    void reads_before_and_writes_after_the_ledger_is_ready_go_through() throws Exception {
        MockFilterChain read = new MockFilterChain();
        gate(ReadinessState.REFUSING_TRAFFIC).doFilter(new MockHttpServletRequest("GET", "/api/parties"),
                new MockHttpServletResponse(), read);
        MockFilterChain write = new MockFilterChain();
        gate(ReadinessState.ACCEPTING_TRAFFIC).doFilter(new MockHttpServletRequest("POST", "/api/parties"),
                new MockHttpServletResponse(), write);

        assertThat(read.getRequest()).isNotNull();
        assertThat(write.getRequest()).isNotNull();
    }

    @Test
    void a_started_ledger_answers_its_readiness_and_liveness_probes_up_to_anyone() {
        Reply readiness = api.get("/actuator/health/readiness").anonymous().send();
        Reply liveness = api.get("/actuator/health/liveness").anonymous().send();

        assertThat(readiness.status()).as("%s", readiness).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(liveness.status()).as("%s", liveness).isEqualTo(200);
    }

    private static ReadinessGate gate(ReadinessState state) {
        ApplicationAvailability availability = mock(ApplicationAvailability.class);
        when(availability.getReadinessState()).thenReturn(state);
        org.springframework.beans.factory.support.StaticListableBeanFactory beans =
                new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("availability", availability);
        return new ReadinessGate(beans.getBeanProvider(ApplicationAvailability.class));
    }
}
