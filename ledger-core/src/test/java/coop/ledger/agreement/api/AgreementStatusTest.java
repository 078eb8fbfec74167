package coop.ledger.agreement.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which agreements have ended. */
class AgreementStatusTest {

    @Test
    void an_agreement_has_ended_once_it_expired_was_terminated_or_superseded() {
        assertThat(Arrays.stream(AgreementStatus.values()).filter(AgreementStatus::ended))
                .containsExactly(AgreementStatus.EXPIRED, AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED);
        assertThat(AgreementStatus.IN_FORCE.ended()).isFalse();
    }
}
