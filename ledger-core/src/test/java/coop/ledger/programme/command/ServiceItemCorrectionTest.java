package coop.ledger.programme.command;

import coop.ledger.programme.api.CorrectServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static coop.ledger.testdata.Programmes.GOV_SERVICES;
import static coop.ledger.testdata.Programmes.WKY;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER_LISTED_ON;
import static coop.ledger.testdata.Programmes.listing;
import static coop.ledger.testdata.Programmes.wkyDeclared;
import static coop.ledger.testdata.Programmes.yibaoTransferListed;
import static coop.ledger.testdata.Violations.unknownRecord;
import static coop.ledger.testdata.Violations.violation;
import static coop.ledger.testdata.Violations.violationOf;

/** Correcting the recorded listing of a programme item: its count, target date and category. */
class ServiceItemCorrectionTest {

    private static final String REASON = "按年度清单原文更正";

    private final FixtureConfiguration<Programme> fixture = Fixtures.programme();

    private static CorrectServiceItemCommand correct(String itemId, Long cites, Integer itemCount, LocalDate targetOn,
                                                     String category, String reason) {
        return new CorrectServiceItemCommand(WKY, itemId, cites, itemCount, targetOn, category, reason, null);
    }

    @Test
    void corrects_count_target_and_category() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, 2, LocalDate.of(2021, 10, 31), GOV_SERVICES, REASON))
                .expectEvents(new ServiceItemCorrectedEvent(WKY, YIBAO_TRANSFER, 1, 2, LocalDate.of(2021, 10, 31),
                        GOV_SERVICES, REASON, YIBAO_TRANSFER_LISTED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void corrects_a_completed_item_citing_its_listing_by_default() {
        fixture.given(wkyDeclared(), yibaoTransferListed(),
                        new ServiceItemCompletedEvent(WKY, YIBAO_TRANSFER, LocalDate.of(2021, 6, 1), "已上线"))
                .when(correct(YIBAO_TRANSFER, null, 3, null, null, REASON))
                .expectEvents(new ServiceItemCorrectedEvent(WKY, YIBAO_TRANSFER, 1, 3, null, null, REASON,
                        YIBAO_TRANSFER_LISTED_ON));
    }

    @Test
    void rejects_a_correction_of_an_unlisted_item() {
        fixture.given(wkyDeclared())
                .when(correct(YIBAO_TRANSFER, null, 2, null, null, REASON))
                .expectException(unknownRecord("item.not-listed"));
    }

    @Test
    void rejects_a_citation_of_another_item() {
        fixture.given(wkyDeclared(), listing().itemId("other").event(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, 2, null, null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 1 of this record is not an event that recorded the listing of item " + YIBAO_TRANSFER,
                        Map.of("correctsSequence", 1L, "citedEventType", "ServiceItemListedEvent")));
    }

    @Test
    void rejects_a_correction_without_a_reason() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, 2, null, null, ""))
                .expectException(violationOf("field.required"));
    }

    @Test
    void rejects_a_correction_that_changes_nothing() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, 1, null, null, REASON))
                .expectException(violationOf("correction.no-change"));
    }

    @Test
    void rejects_a_corrected_count_below_one() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, 0, null, null, REASON))
                .expectException(violationOf("item.count-not-positive"));
    }

    @Test
    void rejects_a_corrected_target_before_the_listing() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, null, YIBAO_TRANSFER_LISTED_ON.minusDays(1), null, REASON))
                .expectException(violationOf("item.target-before-listed"));
    }

    @Test
    void rejects_a_category_the_programme_does_not_declare() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(correct(YIBAO_TRANSFER, 1L, null, null, "交通", REASON))
                .expectException(violationOf("item.unknown-category"));
    }
}
