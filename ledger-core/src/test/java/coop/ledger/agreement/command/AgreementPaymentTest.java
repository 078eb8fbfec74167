package coop.ledger.agreement.command;

import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Agreements.PENGXI_SIGNED_ON;
import static coop.ledger.testdata.Agreements.payment;
import static coop.ledger.testdata.Agreements.pengxiSigned;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LIANGPING;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** Compensation payments (生态补偿资金) under the Pengxi river agreement between Kaizhou and Yunyang. */
class AgreementPaymentTest {

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void records_a_payment_between_signatories() {
        fixture.given(pengxiSigned())
                .when(payment().command())
                .expectEvents(payment().event())
                .expectResultMessagePayload(2L);
    }

    @Test
    void records_a_second_payment_in_fen() {
        fixture.given(pengxiSigned(), payment().event())
                .when(payment().id("pengxi-2021-01").amount("798.05万元").command())
                .expectEvents(payment().id("pengxi-2021-01").amount("7980500").event())
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_a_payment_id_that_is_not_a_code() {
        fixture.given(pengxiSigned())
                .when(payment().id("补偿 2020").command())
                .expectException(violationOf("payment.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_payment_recorded_twice() {
        fixture.given(pengxiSigned(), payment().event())
                .when(payment().command())
                .expectException(violationOf("payment.duplicate"));
    }

    @Test
    void rejects_a_payment_of_nothing() {
        fixture.given(pengxiSigned())
                .when(payment().amount("0元").command())
                .expectException(violationOf("payment.amount-not-positive"));
    }

    @Test
    void rejects_a_negative_payment() {
        fixture.given(pengxiSigned())
                .when(payment().amount("-1100万元").command())
                .expectException(violationOf("payment.amount-not-positive"));
    }

    @Test
    void rejects_a_payer_that_is_not_a_signatory() {
        fixture.given(pengxiSigned())
                .when(payment().payer(LIANGPING).command())
                .expectException(violationOf("payment.not-a-signatory"))
                .expectExceptionMessage("payer liangping is not a signatory of agreement kai-yun-pengxi");
    }

    @Test
    void rejects_a_payee_that_is_not_a_signatory() {
        fixture.given(pengxiSigned())
                .when(payment().payee(null).command())
                .expectException(violationOf("payment.not-a-signatory"));
    }

    @Test
    void rejects_a_payment_from_a_party_to_itself() {
        fixture.given(pengxiSigned())
                .when(payment().payer(KAIZHOU).payee(KAIZHOU).command())
                .expectException(violationOf("payment.payer-is-payee"));
    }

    @Test
    void rejects_a_payment_dated_before_the_signing() {
        fixture.given(pengxiSigned())
                .when(payment().paidOn(PENGXI_SIGNED_ON.minusDays(1)).command())
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_payment_dated_in_the_future() {
        fixture.given(pengxiSigned())
                .when(payment().payer(YUNYANG).paidOn(TOMORROW).command())
                .expectException(violationOf("business-date.in-future"));
    }
}
