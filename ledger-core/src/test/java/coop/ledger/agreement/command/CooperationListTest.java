package coop.ledger.agreement.command;

import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.shared.CooperationDomain.MEDICAL_INSURANCE;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_SIGNED_ON;
import static coop.ledger.testdata.Agreements.TONGBAN_LISTED_ON;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Agreements.listing;
import static coop.ledger.testdata.Agreements.tongbanListed;
import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.LIANGPING;
import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** Putting items (事项) on an agreement's cooperation list (合作清单). */
class CooperationListTest {

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void lists_an_item_and_returns_the_new_version() {
        fixture.given(govServicesSigned())
                .when(listing().command())
                .expectEvents(listing().event())
                .expectResultMessagePayload(2L);
    }

    @Test
    void lists_an_item_without_due_date_or_domain() {
        fixture.given(govServicesSigned())
                .when(listing().dueOn(null).domain(null).command())
                .expectEvents(listing().dueOn(null).domain(null).event());
    }

    @Test
    void lists_an_item_for_which_an_observer_is_responsible() {
        fixture.given(govServicesSigned())
                .when(listing().responsible(YUNYANG).command())
                .expectEvents(listing().responsible(YUNYANG).event());
    }

    @Test
    void lists_an_item_for_which_a_department_of_a_participant_is_responsible() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(listing().itemId("yibao-01").description("万开云医保经办9类17项业务同城化办理")
                        .domain(MEDICAL_INSURANCE).responsible(WANZHOU_YIBAO).command())
                .expectEvents(listing().itemId("yibao-01").description("万开云医保经办9类17项业务同城化办理")
                        .domain(MEDICAL_INSURANCE).responsible(WANZHOU_YIBAO).event())
                .expectResultMessagePayload(3L);
    }

    @Test
    void strips_the_description() {
        fixture.given(govServicesSigned())
                .when(listing().description("  梳理跨区域通办政务服务事项清单\n").command())
                .expectEvents(listing().event());
    }

    @Test
    void rejects_an_item_id_that_is_not_a_code() {
        fixture.given(govServicesSigned())
                .when(listing().itemId("通办事项").command())
                .expectException(violationOf("item.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_an_item_already_on_the_list() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(listing().command())
                .expectException(violationOf("item.duplicate"));
    }

    @Test
    void rejects_an_item_without_a_description() {
        fixture.given(govServicesSigned())
                .when(listing().description("   ").command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("description must not be blank");
    }

    @Test
    void rejects_a_responsible_party_named_twice() {
        fixture.given(govServicesSigned())
                .when(listing().responsible(WANZHOU, DAZHOU, WANZHOU).command())
                .expectException(violationOf("agreement.duplicate-party"));
    }

    @Test
    void rejects_an_unregistered_responsible_party() {
        fixture.given(govServicesSigned())
                .when(listing().responsible(WANZHOU, LINSHUI).command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_a_responsible_party_that_takes_no_part_in_the_agreement() {
        fixture.given(govServicesSigned())
                .when(listing().responsible(WANZHOU, LIANGPING).command())
                .expectException(violationOf("item.responsible-not-party"));
    }

    @Test
    void rejects_an_item_without_a_listing_date() {
        fixture.given(govServicesSigned())
                .when(listing().listedOn(null).command())
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("listedOn must be given");
    }

    @Test
    void rejects_an_item_listed_in_the_future() {
        fixture.given(govServicesSigned())
                .when(listing().listedOn(TOMORROW).dueOn(null).command())
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_an_item_listed_before_the_signing() {
        fixture.given(govServicesSigned())
                .when(listing().listedOn(GOV_SERVICES_SIGNED_ON.minusDays(1)).command())
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_an_item_due_before_it_was_listed() {
        fixture.given(govServicesSigned())
                .when(listing().dueOn(TONGBAN_LISTED_ON.minusDays(1)).command())
                .expectException(violationOf("item.due-before-listed"));
    }

    @Test
    void lists_a_batch_entry_standing_for_the_items_a_source_reports_only_as_a_total() {
        fixture.given(govServicesSigned())
                .when(listing().batch(83, "来源只报告总数83项").command())
                .expectEvents(listing().batch(83, "来源只报告总数83项").event());
    }

    @Test
    void rejects_a_batch_entry_of_no_items() {
        fixture.given(govServicesSigned())
                .when(listing().batch(0, "无").command())
                .expectException(violationOf("item.count-not-positive"));
    }
}
