package coop.ledger.agreement.command;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static coop.ledger.testdata.Agreements.GOV_SERVICES_TITLE;
import static coop.ledger.testdata.Agreements.signing;
import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

class AgreementSigningTest {

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void records_the_signing_with_signatories_and_observers() {
        fixture.givenNoPriorActivity()
                .when(signing().command())
                .expectEvents(signing().event());
    }

    @Test
    void records_a_signing_of_today_at_a_named_occasion() {
        fixture.givenNoPriorActivity()
                .when(signing().signedOn(TODAY).occasion("2020川渝国企万州行").command())
                .expectEvents(signing().signedOn(TODAY).occasion("2020川渝国企万州行").event());
    }

    @Test
    void strips_the_title_and_records_blank_place_and_summary_as_absent() {
        fixture.givenNoPriorActivity()
                .when(signing().title("  " + GOV_SERVICES_TITLE + " ").place(" ").summary("").command())
                .expectEvents(signing().place(null).summary(null).event());
    }

    @Test
    void rejects_an_agreement_id_that_is_not_a_code() {
        fixture.givenNoPriorActivity()
                .when(signing().id("万达开 政务服务").command())
                .expectException(violationOf("agreement.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_signing_without_a_title() {
        fixture.givenNoPriorActivity()
                .when(signing().title(" ").command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("title must not be blank");
    }

    @Test
    void rejects_a_signing_without_a_kind() {
        fixture.givenNoPriorActivity()
                .when(signing().kind(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("kind must be given");
    }

    @Test
    void rejects_a_signing_without_a_date() {
        fixture.givenNoPriorActivity()
                .when(signing().signedOn(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("signedOn must be given");
    }

    @Test
    void rejects_a_signing_dated_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(signing().signedOn(TOMORROW).command())
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_an_agreement_with_a_single_signatory() {
        fixture.givenNoPriorActivity()
                .when(signing().signatories(WANZHOU).command())
                .expectException(violationOf("agreement.too-few-signatories"));
    }

    @Test
    void rejects_a_signatory_named_twice() {
        fixture.givenNoPriorActivity()
                .when(signing().signatories(WANZHOU, KAIZHOU, WANZHOU).command())
                .expectException(violationOf("agreement.duplicate-party"));
    }

    @Test
    void rejects_an_empty_party_code_among_the_signatories() {
        fixture.givenNoPriorActivity()
                .when(signing().signatories(Arrays.asList(WANZHOU, DAZHOU, null)).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("signatories contains an empty party code");
    }

    @Test
    void rejects_a_party_that_is_both_signatory_and_observer() {
        fixture.givenNoPriorActivity()
                .when(signing().signatories(WANZHOU, KAIZHOU, YUNYANG).observers(YUNYANG).command())
                .expectException(violationOf("agreement.signatory-and-observer"));
    }

    @Test
    void rejects_an_unregistered_signatory() {
        fixture.givenNoPriorActivity()
                .when(signing().signatories(WANZHOU, LINSHUI).command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_an_unregistered_observer() {
        fixture.givenNoPriorActivity()
                .when(signing().observers(LINSHUI).kind(AgreementKind.MEMORANDUM).command())
                .expectException(violationOf("party.unknown"));
    }
}
