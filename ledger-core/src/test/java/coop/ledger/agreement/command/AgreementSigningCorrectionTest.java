package coop.ledger.agreement.command;

import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CorrectAgreementSigningCommand;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.shared.Money;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static coop.ledger.testdata.Agreements.PENGXI;
import static coop.ledger.testdata.Agreements.PENGXI_SIGNED_ON;
import static coop.ledger.testdata.Agreements.payment;
import static coop.ledger.testdata.Agreements.pengxiSigned;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violation;
import static coop.ledger.testdata.Violations.violationOf;

/** Correcting the recorded signing of an agreement: title, signing date, place and occasion. */
class AgreementSigningCorrectionTest {

    private static final String REASON = "以协议文本为准";

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    private static CorrectAgreementSigningCommand correct(Long cites, String title, LocalDate signedOn, String place,
                                                          String occasion, String reason) {
        return new CorrectAgreementSigningCommand(PENGXI, cites, title, signedOn, place, occasion, reason, null);
    }

    @Test
    void corrects_the_signing_date_and_place() {
        LocalDate signedOn = PENGXI_SIGNED_ON.minusDays(4);
        fixture.given(pengxiSigned())
                .when(correct(0L, null, signedOn, "云阳", null, REASON))
                .expectEvents(new AgreementSigningCorrectedEvent(PENGXI, 0, null, signedOn, "云阳", null, REASON,
                        signedOn))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cites_the_signing_when_no_event_is_cited() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(null, "澎溪河流域横向生态保护补偿协议", null, null, "川渝生态补偿签约仪式", REASON))
                .expectEvents(new AgreementSigningCorrectedEvent(PENGXI, 0, "澎溪河流域横向生态保护补偿协议", null,
                        null, "川渝生态补偿签约仪式", REASON, PENGXI_SIGNED_ON));
    }

    @Test
    void cites_the_latest_signing_correction_when_no_event_is_cited() {
        AgreementSigningCorrectedEvent moved = new AgreementSigningCorrectedEvent(PENGXI, 0, null, null, "云阳", null,
                REASON, PENGXI_SIGNED_ON);
        PaymentCorrectedEvent paymentCorrected = new PaymentCorrectedEvent(PENGXI, "pengxi-2020-01", 2, null, null,
                Money.parse("110万元"), null, REASON, LocalDate.of(2021, 1, 15));
        fixture.given(pengxiSigned(), payment().event(), moved, paymentCorrected)
                .when(correct(null, null, null, "开州", null, REASON))
                .expectEvents(new AgreementSigningCorrectedEvent(PENGXI, 2, null, null, "开州", null, REASON,
                        PENGXI_SIGNED_ON));
    }

    @Test
    void rejects_a_citation_of_an_event_that_is_not_the_signing() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, "新标题", null, null, null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 1 of this record is not an event that recorded the signing of agreement " + PENGXI,
                        Map.of("correctsSequence", 1L, "citedEventType", "PaymentRecordedEvent")));
    }

    @Test
    void rejects_a_correction_without_a_reason() {
        fixture.given(pengxiSigned())
                .when(correct(0L, "新标题", null, null, null, null))
                .expectException(violationOf("field.required"));
    }

    @Test
    void rejects_a_correction_that_changes_nothing() {
        fixture.given(pengxiSigned())
                .when(correct(0L, "澎溪河流域横向生态补偿协议", PENGXI_SIGNED_ON, "开州", null, REASON))
                .expectException(violationOf("correction.no-change"));
    }

    @Test
    void rejects_a_corrected_signing_date_in_the_future() {
        fixture.given(pengxiSigned())
                .when(correct(0L, null, TOMORROW, null, null, REASON))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_corrected_signing_date_after_a_later_step() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(0L, null, LocalDate.of(2021, 2, 1), null, null, REASON))
                .expectException(violation("correction.signing-after-later-step",
                        "signedOn 2021-02-01 is after 2021-01-15, the date of a later step recorded for agreement "
                                + PENGXI,
                        Map.of("signedOn", "2021-02-01", "earliestLaterStep", "2021-01-15")));
    }

    @Test
    void names_the_earliest_later_step_whatever_the_order_they_were_recorded_in() {
        fixture.given(pengxiSigned(), payment().event(), payment().id("pengxi-2020-02")
                        .paidOn(LocalDate.of(2020, 9, 1)).event())
                .when(correct(null, null, LocalDate.of(2020, 12, 1), null, null, REASON))
                .expectException(violation("correction.signing-after-later-step",
                        "signedOn 2020-12-01 is after 2020-09-01, the date of a later step recorded for agreement "
                                + PENGXI,
                        Map.of("signedOn", "2020-12-01", "earliestLaterStep", "2020-09-01")));
    }

    @Test
    void counts_a_step_on_the_date_it_was_recorded_with_even_after_a_correction_moved_it() {
        PaymentCorrectedEvent later = new PaymentCorrectedEvent(PENGXI, "pengxi-2020-01", 1, null, null, null,
                LocalDate.of(2021, 3, 1), REASON, LocalDate.of(2021, 3, 1));
        fixture.given(pengxiSigned(), payment().event(), later)
                .when(correct(null, null, LocalDate.of(2021, 2, 1), null, null, REASON))
                .expectException(violation("correction.signing-after-later-step",
                        "signedOn 2021-02-01 is after 2021-01-15, the date of a later step recorded for agreement "
                                + PENGXI,
                        Map.of("signedOn", "2021-02-01", "earliestLaterStep", "2021-01-15")));
    }

    @Test
    void does_not_count_an_earlier_signing_correction_as_a_later_step() {
        LocalDate earlier = PENGXI_SIGNED_ON.minusDays(10);
        AgreementSigningCorrectedEvent moved = new AgreementSigningCorrectedEvent(PENGXI, 0, null, earlier, null,
                null, REASON, earlier);
        fixture.given(pengxiSigned(), moved)
                .when(correct(null, null, PENGXI_SIGNED_ON.plusDays(10), null, null, REASON))
                .expectEvents(new AgreementSigningCorrectedEvent(PENGXI, 1, null, PENGXI_SIGNED_ON.plusDays(10), null,
                        null, REASON, PENGXI_SIGNED_ON.plusDays(10)));
    }
}
