package coop.ledger.agreement.command;

import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.CorrectPaymentCommand;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.shared.Money;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static coop.ledger.testdata.Agreements.PENGXI;
import static coop.ledger.testdata.Agreements.PENGXI_PAYMENT;
import static coop.ledger.testdata.Agreements.PENGXI_SIGNED_ON;
import static coop.ledger.testdata.Agreements.payment;
import static coop.ledger.testdata.Agreements.pengxiSigned;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LIANGPING;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.unknownRecord;
import static coop.ledger.testdata.Violations.violation;
import static coop.ledger.testdata.Violations.violationOf;

/** Correcting a mis-recorded payment (更正): it cites the event it corrects and says why; nothing is overwritten. */
class AgreementPaymentCorrectionTest {

    private static final String REASON = "录入时金额多写一位";
    private static final LocalDate PAID_ON = LocalDate.of(2021, 1, 15);

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    private static CorrectPaymentCommand correct(Long cites, String payer, String payee, String amount,
                                                 LocalDate paidOn, String reason) {
        return new CorrectPaymentCommand(PENGXI, PENGXI_PAYMENT, cites, payer, payee,
                amount == null ? null : Money.parse(amount), paidOn, reason, null);
    }

    @Test
    void corrects_the_amount_citing_the_payment_and_keeping_the_other_values() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, null, null, "110万元", null, REASON))
                .expectEvents(new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 1, null, null, Money.parse("110万元"),
                        null, REASON, PAID_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cites_the_latest_event_of_the_payment_when_no_event_is_cited() {
        PaymentCorrectedEvent first = new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 1, null, null,
                Money.parse("110万元"), null, REASON, PAID_ON);
        fixture.given(pengxiSigned(), payment().event(), first)
                .when(correct(null, null, null, null, LocalDate.of(2021, 1, 20), "以银行回单日期为准"))
                .expectEvents(new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 2, null, null, null,
                        LocalDate.of(2021, 1, 20), "以银行回单日期为准", LocalDate.of(2021, 1, 20)));
    }

    @Test
    void swaps_payer_and_payee_recorded_the_wrong_way_round() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, KAIZHOU, YUNYANG, null, null, "付款方与收款方记反"))
                .expectEvents(new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 1, KAIZHOU, YUNYANG, null, null,
                        "付款方与收款方记反", PAID_ON));
    }

    @Test
    void corrects_a_payment_of_a_terminated_agreement() {
        fixture.given(pengxiSigned(), payment().event(),
                        new AgreementTerminatedEvent(PENGXI, LocalDate.of(2022, 1, 1), "并入新协议"))
                .when(correct(1L, null, null, "110万元", null, REASON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejects_a_correction_of_an_unrecorded_payment() {
        fixture.given(pengxiSigned())
                .when(correct(null, null, null, "110万元", null, REASON))
                .expectException(unknownRecord("payment.not-recorded"));
    }

    @Test
    void cites_an_earlier_correction_of_the_payment_by_its_number() {
        PaymentCorrectedEvent first = new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 1, null, null,
                Money.parse("110万元"), null, REASON, PAID_ON);
        PaymentCorrectedEvent second = new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 2, null, null, null,
                LocalDate.of(2021, 1, 20), "以银行回单日期为准", LocalDate.of(2021, 1, 20));
        fixture.given(pengxiSigned(), payment().event(), first, second)
                .when(correct(2L, null, null, "120万元", null, REASON))
                .expectEvents(new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 2, null, null, Money.parse("120万元"),
                        null, REASON, LocalDate.of(2021, 1, 20)));
    }

    @Test
    void rejects_a_citation_of_an_event_of_another_kind() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(0L, null, null, "110万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 0 of this record is not an event that recorded payment " + PENGXI_PAYMENT,
                        Map.of("correctsSequence", 0L, "citedEventType", "AgreementSignedEvent")))
                .expectNoEvents();
    }

    @Test
    void rejects_a_citation_of_another_payment() {
        fixture.given(pengxiSigned(), payment().id("other").event(), payment().event())
                .when(correct(1L, null, null, "110万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 1 of this record is not an event that recorded payment " + PENGXI_PAYMENT,
                        Map.of("correctsSequence", 1L, "citedEventType", "PaymentRecordedEvent")));
    }

    @Test
    void rejects_a_citation_of_a_correction_of_another_payment() {
        PaymentCorrectedEvent other = new PaymentCorrectedEvent(PENGXI, "other", 1, null, null,
                Money.parse("5万元"), null, REASON, PAID_ON);
        fixture.given(pengxiSigned(), payment().id("other").event(), payment().event(), other)
                .when(correct(3L, null, null, "110万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 3 of this record is not an event that recorded payment " + PENGXI_PAYMENT,
                        Map.of("correctsSequence", 3L, "citedEventType", "PaymentCorrectedEvent")));
    }

    @Test
    void rejects_a_citation_of_an_event_never_recorded() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(7L, null, null, "110万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 7 of this record is not even recorded, let alone an event that recorded payment "
                                + PENGXI_PAYMENT,
                        Map.of("correctsSequence", 7L, "citedEventType", "none")));
    }

    @Test
    void rejects_a_citation_of_the_next_event_and_of_a_negative_number() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(2L, null, null, "110万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 2 of this record is not even recorded, let alone an event that recorded payment "
                                + PENGXI_PAYMENT,
                        Map.of("correctsSequence", 2L, "citedEventType", "none")));
        Fixtures.agreement().given(pengxiSigned(), payment().event())
                .when(correct(-1L, null, null, "110万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event -1 of this record is not even recorded, let alone an event that recorded payment "
                                + PENGXI_PAYMENT,
                        Map.of("correctsSequence", -1L, "citedEventType", "none")));
    }

    @Test
    void rejects_a_correction_without_a_reason() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, null, null, "110万元", null, " "))
                .expectException(violationOf("field.required"));
    }

    @Test
    void rejects_a_correction_that_changes_nothing() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, YUNYANG, null, "1100万元", PAID_ON, REASON))
                .expectException(violationOf("correction.no-change"));
    }

    @Test
    void rejects_a_corrected_amount_that_is_not_positive() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, null, null, "0元", null, REASON))
                .expectException(violationOf("payment.amount-not-positive"));
    }

    @Test
    void rejects_a_corrected_payer_that_is_not_a_signatory() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, LIANGPING, null, null, null, REASON))
                .expectException(violationOf("payment.not-a-signatory"));
    }

    @Test
    void rejects_a_correction_that_makes_the_payer_the_payee() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, KAIZHOU, null, null, null, REASON))
                .expectException(violationOf("payment.payer-is-payee"));
    }

    @Test
    void rejects_a_corrected_date_in_the_future() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, null, null, null, TOMORROW, REASON))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_corrected_date_before_the_signing() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, null, null, null, PENGXI_SIGNED_ON.minusDays(1), REASON))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_correction_against_a_stale_version() {
        fixture.given(pengxiSigned(), payment().event())
                .when(new CorrectPaymentCommand(PENGXI, PENGXI_PAYMENT, 1L, null, null, Money.parse("110万元"), null,
                        REASON, 1L))
                .expectException(violationOf("version.stale"));
    }
}
