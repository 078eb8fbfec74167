package coop.ledger.agreement.command;

import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CorrectAgreementSigningCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Agreements.PENGXI;
import static coop.ledger.testdata.Agreements.PENGXI_SIGNED_ON;
import static coop.ledger.testdata.Agreements.payment;
import static coop.ledger.testdata.Agreements.pengxiSigned;
import static coop.ledger.testdata.Samples.TOMORROW;
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
    void rejects_a_citation_of_an_event_that_is_not_the_signing() {
        fixture.given(pengxiSigned(), payment().event())
                .when(correct(1L, "新标题", null, null, null, REASON))
                .expectException(violationOf("correction.cites-wrong-event"));
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
                .expectException(violationOf("correction.signing-after-later-step"));
    }
}
