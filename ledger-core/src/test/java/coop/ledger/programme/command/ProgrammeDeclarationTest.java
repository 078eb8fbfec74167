package coop.ledger.programme.command;

import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Programmes.GOV_SERVICES;
import static coop.ledger.testdata.Programmes.WKY_NAME;
import static coop.ledger.testdata.Programmes.declaration;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** Declaring a public-service programme (公共服务/政务服务事项). */
class ProgrammeDeclarationTest {

    private final FixtureConfiguration<Programme> fixture = Fixtures.programme();

    @Test
    void records_the_declaration_with_participants_period_and_categories() {
        fixture.givenNoPriorActivity()
                .when(declaration().command())
                .expectEvents(declaration().event());
    }

    @Test
    void records_a_programme_over_a_span_of_years_declared_today() {
        fixture.givenNoPriorActivity()
                .when(declaration().period("2020-2022").declaredOn(TODAY).command())
                .expectEvents(declaration().period("2020-2022").declaredOn(TODAY).event());
    }

    @Test
    void records_a_span_that_starts_and_ends_in_the_same_year() {
        fixture.givenNoPriorActivity()
                .when(declaration().period("2021-2021").command())
                .expectEvents(declaration().period("2021-2021").event());
    }

    @Test
    void records_a_programme_of_a_single_participant_without_categories() {
        fixture.givenNoPriorActivity()
                .when(declaration().participants(DAZHOU).categories().command())
                .expectEvents(declaration().participants(DAZHOU).categories().event());
    }

    @Test
    void records_absent_categories_as_none() {
        fixture.givenNoPriorActivity()
                .when(new DeclareProgrammeCommand("wky-2021", WKY_NAME,
                        List.of(WANZHOU), "2021", null, TODAY, null))
                .expectEvents(declaration().id("wky-2021").participants(WANZHOU).categories().declaredOn(TODAY)
                        .note(null).event());
    }

    @Test
    void strips_name_period_and_categories_and_records_a_blank_note_as_absent() {
        fixture.givenNoPriorActivity()
                .when(declaration().name("  " + WKY_NAME + " ").period(" 2021 ").categories(" 政务服务", "医保 ")
                        .note("  ").command())
                .expectEvents(declaration().note(null).event());
    }

    @Test
    void rejects_a_programme_id_that_is_not_a_code() {
        fixture.givenNoPriorActivity()
                .when(declaration().id("万开云 便捷服务").command())
                .expectException(violationOf("programme.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_programme_without_a_name() {
        fixture.givenNoPriorActivity()
                .when(declaration().name(" ").command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("name must not be blank");
    }

    @Test
    void rejects_a_declaration_without_a_date() {
        fixture.givenNoPriorActivity()
                .when(declaration().declaredOn(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("declaredOn must be given");
    }

    @Test
    void rejects_a_declaration_dated_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(declaration().declaredOn(TOMORROW).command())
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_programme_without_a_period() {
        fixture.givenNoPriorActivity()
                .when(declaration().period(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("period must not be blank");
    }

    @Test
    void rejects_a_period_that_is_not_a_year_or_a_span_of_years() {
        fixture.givenNoPriorActivity()
                .when(declaration().period("2021年").command())
                .expectException(violationOf("programme.period-format"));
    }

    @Test
    void rejects_a_span_that_ends_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(declaration().period("2022-2020").command())
                .expectException(violationOf("programme.period-format"));
    }

    @Test
    void rejects_a_programme_without_participants() {
        fixture.givenNoPriorActivity()
                .when(declaration().participants().command())
                .expectException(violationOf("programme.no-participants"));
    }

    @Test
    void rejects_a_programme_whose_participants_are_left_out() {
        fixture.givenNoPriorActivity()
                .when(declaration().participants((List<String>) null).command())
                .expectException(violationOf("programme.no-participants"));
    }

    @Test
    void rejects_a_participant_named_twice() {
        fixture.givenNoPriorActivity()
                .when(declaration().participants(WANZHOU, KAIZHOU, WANZHOU).command())
                .expectException(violationOf("programme.duplicate-party"));
    }

    @Test
    void rejects_an_empty_party_code_among_the_participants() {
        fixture.givenNoPriorActivity()
                .when(declaration().participants(Arrays.asList(WANZHOU, null)).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("participants contains an empty value");
    }

    @Test
    void rejects_an_unregistered_participant() {
        fixture.givenNoPriorActivity()
                .when(declaration().participants(WANZHOU, LINSHUI).command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_a_category_named_twice() {
        fixture.givenNoPriorActivity()
                .when(declaration().categories(GOV_SERVICES, "医保", " " + GOV_SERVICES).command())
                .expectException(violationOf("programme.duplicate-category"));
    }

    @Test
    void rejects_an_empty_category() {
        fixture.givenNoPriorActivity()
                .when(declaration().categories(GOV_SERVICES, " ").command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("categories contains an empty value");
    }
}
