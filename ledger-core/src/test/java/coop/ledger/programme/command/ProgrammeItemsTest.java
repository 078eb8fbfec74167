package coop.ledger.programme.command;

import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Programmes.GOV_SERVICES;
import static coop.ledger.testdata.Programmes.WKY_DECLARED_ON;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER_LISTED_ON;
import static coop.ledger.testdata.Programmes.declaration;
import static coop.ledger.testdata.Programmes.listing;
import static coop.ledger.testdata.Programmes.wkyDeclared;
import static coop.ledger.testdata.Programmes.yibaoTransferListed;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** Putting items (事项) on a programme's list: in the original list, added later, one by one or as a batch. */
class ProgrammeItemsTest {

    private final FixtureConfiguration<Programme> fixture = Fixtures.programme();

    @Test
    void lists_an_item_and_returns_the_new_version() {
        fixture.given(wkyDeclared())
                .when(listing().command())
                .expectEvents(listing().event())
                .expectResultMessagePayload(2L);
    }

    @Test
    void lists_one_item_of_the_original_list_when_added_later_and_count_are_left_out() {
        fixture.given(wkyDeclared())
                .when(listing().commandWithDefaults())
                .expectEvents(listing().event());
    }

    @Test
    void lists_a_batch_of_completed_items_of_a_list_whose_size_the_source_does_not_give() {
        fixture.given(wkyDeclared())
                .when(listing().itemId("listed-completed").category(GOV_SERVICES).itemCount(155).listSizeUnknown()
                        .command())
                .expectEvents(listing().itemId("listed-completed").category(GOV_SERVICES).itemCount(155)
                        .listSizeUnknown().event());
    }

    @Test
    void rejects_an_item_added_later_as_part_of_a_list_of_unknown_size() {
        fixture.given(wkyDeclared())
                .when(listing().itemId("added-later").category(GOV_SERVICES).addedLater().itemCount(19)
                        .listSizeUnknown().command())
                .expectException(violationOf("item.added-later-list-size"));
    }

    @Test
    void lists_a_batch_of_items_added_later_that_the_source_reports_only_as_a_total() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(listing().itemId("added-later").name("清单外新增通办事项").category(GOV_SERVICES)
                        .responsible(WANZHOU, KAIZHOU, YUNYANG).addedLater().itemCount(19).note("来源只报告总数")
                        .command())
                .expectEvents(listing().itemId("added-later").name("清单外新增通办事项").category(GOV_SERVICES)
                        .responsible(WANZHOU, KAIZHOU, YUNYANG).addedLater().itemCount(19).note("来源只报告总数")
                        .event())
                .expectResultMessagePayload(3L);
    }

    @Test
    void lists_an_item_for_which_a_department_of_a_participant_is_responsible() {
        fixture.given(wkyDeclared())
                .when(listing().responsible(WANZHOU_YIBAO).command())
                .expectEvents(listing().responsible(WANZHOU_YIBAO).event());
    }

    @Test
    void lists_an_item_without_responsible_parties_or_target_date() {
        fixture.given(wkyDeclared())
                .when(listing().responsible().targetOn(null).command())
                .expectEvents(listing().responsible().targetOn(null).event());
    }

    @Test
    void lists_an_item_with_a_target_date_still_to_come() {
        fixture.given(wkyDeclared())
                .when(listing().targetOn(TOMORROW.plusYears(1)).command())
                .expectEvents(listing().targetOn(TOMORROW.plusYears(1)).event());
    }

    @Test
    void lists_an_item_in_any_category_or_none_when_the_programme_declares_no_categories() {
        fixture.given(declaration().categories().event(), listing().itemId("first").category("便民服务").event())
                .when(listing().category(null).command())
                .expectEvents(listing().category(null).event());
    }

    @Test
    void strips_name_and_category_and_records_a_blank_note_as_absent() {
        fixture.given(wkyDeclared())
                .when(listing().name(" 医保关系转移接续\n").category(" 医保 ").note(" ").command())
                .expectEvents(listing().event());
    }

    @Test
    void rejects_an_item_id_that_is_not_a_code() {
        fixture.given(wkyDeclared())
                .when(listing().itemId("医保 转移").command())
                .expectException(violationOf("item.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_item_already_on_the_list() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(listing().command())
                .expectException(violationOf("item.duplicate"));
    }

    @Test
    void rejects_an_item_without_a_name() {
        fixture.given(wkyDeclared())
                .when(listing().name("  ").command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("name must not be blank");
    }

    @Test
    void rejects_a_category_the_programme_does_not_declare() {
        fixture.given(wkyDeclared())
                .when(listing().category("交通").command())
                .expectException(violationOf("item.unknown-category"));
    }

    @Test
    void rejects_an_item_without_a_category_when_the_programme_declares_categories() {
        fixture.given(wkyDeclared())
                .when(listing().category(null).command())
                .expectException(violationOf("item.unknown-category"));
    }

    @Test
    void rejects_a_responsible_party_named_twice() {
        fixture.given(wkyDeclared())
                .when(listing().responsible(WANZHOU, KAIZHOU, WANZHOU).command())
                .expectException(violationOf("programme.duplicate-party"));
    }

    @Test
    void rejects_an_unregistered_responsible_party() {
        fixture.given(wkyDeclared())
                .when(listing().responsible(WANZHOU, LINSHUI).command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_a_responsible_party_that_takes_no_part_in_the_programme() {
        fixture.given(wkyDeclared())
                .when(listing().responsible(WANZHOU, DAZHOU).command())
                .expectException(violationOf("item.responsible-not-party"));
    }

    @Test
    void rejects_a_count_of_no_items() {
        fixture.given(wkyDeclared())
                .when(listing().itemCount(0).command())
                .expectException(violationOf("item.count-not-positive"));
    }

    @Test
    void rejects_a_negative_count_of_items() {
        fixture.given(wkyDeclared())
                .when(listing().itemCount(-155).command())
                .expectException(violationOf("item.count-not-positive"));
    }

    @Test
    void rejects_an_item_without_a_listing_date() {
        fixture.given(wkyDeclared())
                .when(listing().listedOn(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("listedOn must be given");
    }

    @Test
    void rejects_an_item_listed_in_the_future() {
        fixture.given(wkyDeclared())
                .when(listing().listedOn(TOMORROW).targetOn(null).command())
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_an_item_listed_before_the_programme_was_declared() {
        fixture.given(wkyDeclared())
                .when(listing().listedOn(WKY_DECLARED_ON.minusDays(1)).command())
                .expectException(violationOf("business-date.before-declaration"));
    }

    @Test
    void rejects_an_item_whose_target_is_before_its_listing() {
        LocalDate dayBefore = YIBAO_TRANSFER_LISTED_ON.minusDays(1);
        fixture.given(wkyDeclared())
                .when(listing().targetOn(dayBefore).command())
                .expectException(violationOf("item.target-before-listed"));
    }
}
