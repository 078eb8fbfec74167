package coop.ledger.project.command;

import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import coop.ledger.shared.Provenance;

import java.util.Arrays;
import java.util.List;

import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.UNRECORDED;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.SAIC_HONGYAN;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Parties.ZBJ;
import static coop.ledger.testdata.Projects.DIGITAL_PARK_NAME;
import static coop.ledger.testdata.Projects.hongyanIntention;
import static coop.ledger.testdata.Projects.signing;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

class ProjectSigningTest {

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    @Test
    void records_a_batch_signing_reported_only_in_totals() {
        fixture.givenNoPriorActivity()
                .when(signing().command())
                .expectEvents(signing().event());
    }

    @Test
    void records_an_intention_without_an_amount_as_one_project() {
        fixture.givenNoPriorActivity()
                .when(hongyanIntention().command())
                .expectEvents(hongyanIntention().projectCount(1).event());
    }

    @Test
    void records_a_signing_of_today_under_a_recorded_agreement_with_several_hosts() {
        fixture.givenNoPriorActivity()
                .when(signing().signedOn(TODAY).agreementId(GOV_SERVICES).hostParties(WANZHOU, KAIZHOU, YUNYANG)
                        .investors(ZBJ, SAIC_HONGYAN).command())
                .expectEvents(signing().signedOn(TODAY).agreementId(GOV_SERVICES).hostParties(WANZHOU, KAIZHOU, YUNYANG)
                        .investors(ZBJ, SAIC_HONGYAN).event());
    }

    @Test
    void strips_the_name_and_records_blank_occasion_agreement_and_note_as_absent() {
        fixture.givenNoPriorActivity()
                .when(signing().name("  " + DIGITAL_PARK_NAME + " ").occasion(" ").agreementId("").note("").command())
                .expectEvents(signing().occasion(null).agreementId(null).note(null).event());
    }

    @Test
    void rejects_a_project_id_that_is_not_a_code() {
        fixture.givenNoPriorActivity()
                .when(signing().id("万州 数字园").command())
                .expectException(violationOf("project.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_signing_without_a_name() {
        fixture.givenNoPriorActivity()
                .when(signing().name(" ").command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("name must not be blank");
    }

    @Test
    void rejects_a_signing_without_a_domain() {
        fixture.givenNoPriorActivity()
                .when(signing().domain(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("domain must be given");
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
    void rejects_a_project_without_an_investor() {
        fixture.givenNoPriorActivity()
                .when(signing().investors().command())
                .expectException(violationOf("project.no-investor"));
    }

    @Test
    void rejects_a_project_without_a_host_party() {
        fixture.givenNoPriorActivity()
                .when(signing().hostParties().command())
                .expectException(violationOf("project.no-host-party"));
    }

    @Test
    void rejects_an_investor_named_twice() {
        fixture.givenNoPriorActivity()
                .when(signing().investors(ZBJ, SAIC_HONGYAN, ZBJ).command())
                .expectException(violationOf("project.duplicate-party"))
                .expectExceptionMessage("investors names the same party more than once: [zbj]");
    }

    @Test
    void rejects_a_host_party_named_twice() {
        fixture.givenNoPriorActivity()
                .when(signing().hostParties(WANZHOU, WANZHOU).command())
                .expectException(violationOf("project.duplicate-party"));
    }

    @Test
    void rejects_an_empty_party_code_among_the_investors() {
        fixture.givenNoPriorActivity()
                .when(signing().investors(Arrays.asList(ZBJ, null)).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("investors contains an empty party code");
    }

    @Test
    void rejects_an_unregistered_investor() {
        fixture.givenNoPriorActivity()
                .when(signing().investors(ZBJ, "bola-network").command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_an_unregistered_host_party() {
        fixture.givenNoPriorActivity()
                .when(signing().hostParties(WANZHOU, LINSHUI).command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_an_agreement_that_is_not_recorded() {
        fixture.givenNoPriorActivity()
                .when(signing().agreementId(UNRECORDED).command())
                .expectException(violationOf("agreement.unknown"));
    }

    @Test
    void records_a_total_planned_investment_apart_from_the_agreed_investment() {
        fixture.givenNoPriorActivity()
                .when(signing().agreedInvestment(null).plannedInvestment("40.27亿元").command())
                .expectEvents(signing().agreedInvestment(null).plannedInvestment("40.27亿元").event());
    }

    @Test
    void rejects_a_planned_investment_of_nothing() {
        fixture.givenNoPriorActivity()
                .when(signing().plannedInvestment("0元").command())
                .expectException(violationOf("project.amount-not-positive"));
    }

    @Test
    void records_where_the_signing_comes_from_with_its_inferred_values() {
        Provenance provenance = new Provenance("002_d845902defb982b8.txt", "协议投资12.1亿元",
                List.of(new Provenance.Inferred("signedOn", "来源未报道日期")));
        fixture.givenNoPriorActivity()
                .when(signing().provenance(provenance).command())
                .expectEvents(signing().provenance(provenance).event());
    }

    @Test
    void records_a_provenance_of_blank_texts_as_none() {
        fixture.givenNoPriorActivity()
                .when(signing().provenance(new Provenance(" ", "", null)).command())
                .expectEvents(signing().event());
    }

    @Test
    void rejects_an_agreed_investment_of_nothing() {
        fixture.givenNoPriorActivity()
                .when(signing().agreedInvestment("0元").command())
                .expectException(violationOf("project.amount-not-positive"));
    }

    @Test
    void rejects_a_negative_agreed_investment() {
        fixture.givenNoPriorActivity()
                .when(signing().agreedInvestment("-12.1亿元").command())
                .expectException(violationOf("project.amount-not-positive"));
    }

    @Test
    void rejects_a_batch_of_no_projects() {
        fixture.givenNoPriorActivity()
                .when(signing().projectCount(0).command())
                .expectException(violationOf("project.count-not-positive"));
    }
}
