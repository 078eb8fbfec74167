package coop.ledger.programme.state;

import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.programme.state.ProgrammeState.ServiceItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Programmes.GOV_SERVICES;
import static coop.ledger.testdata.Programmes.MEDICAL_INSURANCE;
import static coop.ledger.testdata.Programmes.WKY;
import static coop.ledger.testdata.Programmes.WKY_DECLARED_ON;
import static coop.ledger.testdata.Programmes.WKY_NAME;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER;
import static coop.ledger.testdata.Programmes.listing;
import static coop.ledger.testdata.Programmes.wkyDeclared;
import static coop.ledger.testdata.Programmes.yibaoTransferListed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProgrammeStateTest {

    private static final LocalDate DONE = LocalDate.of(2021, 12, 20);
    private static final LocalDate LATER = LocalDate.of(2021, 12, 28);

    /** 川渝通办 as the source reports it: 155 items of the original list completed, 19 added later and completed. */
    private static final String ORIGINAL = "tongban-original";
    private static final String ADDED = "tongban-added";

    private static ProgrammeState fold(ProgrammeEvent... events) {
        ProgrammeState state = null;
        for (ProgrammeEvent event : events) {
            state = ProgrammeState.fold(state, event);
        }
        return state;
    }

    private static ServiceItemCompletedEvent completed(String itemId) {
        return new ServiceItemCompletedEvent(WKY, itemId, DONE, "通报");
    }

    private static ServiceItemWithdrawnEvent withdrawn(String itemId) {
        return new ServiceItemWithdrawnEvent(WKY, itemId, LATER, "并入国家清单");
    }

    private static ServiceItemReopenedEvent reopened(String itemId) {
        return new ServiceItemReopenedEvent(WKY, itemId, LATER, "误记为完成");
    }

    private static ProgrammeEvent originalBatch() {
        return listing().itemId(ORIGINAL).name("川渝通办事项").category(GOV_SERVICES).responsible(WANZHOU, KAIZHOU)
                .itemCount(155).event();
    }

    private static ProgrammeEvent addedBatch() {
        return listing().itemId(ADDED).name("清单外新增事项").category(GOV_SERVICES).responsible(KAIZHOU)
                .addedLater().itemCount(19).event();
    }

    @Test
    void a_declared_programme_has_no_items_at_version_1() {
        ProgrammeState state = fold(wkyDeclared());

        assertThat(state.programmeId()).isEqualTo(WKY);
        assertThat(state.name()).isEqualTo(WKY_NAME);
        assertThat(state.participants()).containsExactly(WANZHOU, KAIZHOU, YUNYANG);
        assertThat(state.period()).isEqualTo("2021");
        assertThat(state.categories()).containsExactly(GOV_SERVICES, MEDICAL_INSURANCE);
        assertThat(state.declaredOn()).isEqualTo(WKY_DECLARED_ON);
        assertThat(state.items()).isEmpty();
        assertThat(state.counts()).isEqualTo(ItemCounts.NONE);
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void a_listed_item_is_open_and_planned() {
        ProgrammeState state = fold(wkyDeclared(), yibaoTransferListed());

        ServiceItem item = state.item(YIBAO_TRANSFER).orElseThrow();
        assertThat(item.status()).isEqualTo(ServiceItemStatus.OPEN);
        assertThat(item.listedOn()).isEqualTo(yibaoTransferListed().listedOn());
        assertThat(item.itemCount()).isEqualTo(1);
        assertThat(state.counts()).isEqualTo(new ItemCounts(1, 0, 0, 0, 0, 0, 1));
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void batches_count_as_many_items_as_the_source_reports() {
        ProgrammeState state = fold(wkyDeclared(), originalBatch(), addedBatch(), completed(ORIGINAL),
                completed(ADDED));

        ItemCounts counts = state.counts();
        assertThat(counts.completed()).isEqualTo(174);
        assertThat(counts.completedOriginal()).isEqualTo(155);
        assertThat(counts.completedAddedLater()).isEqualTo(19);
        assertThat(counts.planned()).isEqualTo(155);
        assertThat(counts.addedLater()).isEqualTo(19);
        assertThat(counts.open()).isZero();
        assertThat(counts.withdrawn()).isZero();
        assertThat(state.version()).isEqualTo(5);
    }

    @Test
    void a_list_of_unknown_size_has_no_completion_rate_and_neither_has_any_sum_it_is_in() {
        ProgrammeEvent unknownSize = listing().itemId(ORIGINAL).name("川渝通办事项").category(GOV_SERVICES)
                .responsible(KAIZHOU).itemCount(155).listSizeUnknown().event();
        ProgrammeState state = fold(wkyDeclared(), unknownSize, addedBatch(), completed(ORIGINAL), completed(ADDED));

        ItemCounts counts = state.counts();
        ItemCounts known = new ItemCounts(15, 0, 13, 13, 0, 0, 2);

        assertThat(counts.completed()).isEqualTo(174);
        assertThat(counts.ofListsOfUnknownSize()).isEqualTo(155);
        assertThat(counts.listSizeUnknown()).isTrue();
        assertThat(counts.completionRate()).as("not 100%%: the list size is unknown").isNull();
        assertThat(known.completionRate()).isEqualByComparingTo("0.8667");
        assertThat(counts.plus(known).completionRate()).as("no average with an unknown rate").isNull();
        assertThat(state.countsByResponsibleParty().get(KAIZHOU).completionRate()).isNull();
    }

    @Test
    void a_withdrawn_item_of_a_list_of_unknown_size_no_longer_hides_the_rate() {
        ProgrammeEvent unknownSize = listing().itemId(ORIGINAL).category(GOV_SERVICES).itemCount(155)
                .listSizeUnknown().event();
        ProgrammeState state = fold(wkyDeclared(), unknownSize, yibaoTransferListed(), withdrawn(ORIGINAL));

        assertThat(state.counts().listSizeUnknown()).isFalse();
        assertThat(state.counts().completionRate()).isEqualByComparingTo("0");
    }

    @Test
    void open_items_are_planned_but_not_completed() {
        ProgrammeState state = fold(wkyDeclared(), originalBatch(), addedBatch(), yibaoTransferListed(),
                completed(ORIGINAL));

        assertThat(state.counts()).isEqualTo(new ItemCounts(156, 19, 155, 155, 0, 0, 20));
    }

    @Test
    void a_withdrawn_item_is_neither_planned_added_nor_completed() {
        ProgrammeState state = fold(wkyDeclared(), originalBatch(), addedBatch(), yibaoTransferListed(),
                completed(ADDED), withdrawn(ADDED), withdrawn(YIBAO_TRANSFER));

        assertThat(state.counts()).isEqualTo(new ItemCounts(155, 0, 0, 0, 0, 20, 155));
        ServiceItem added = state.item(ADDED).orElseThrow();
        assertThat(added.status()).isEqualTo(ServiceItemStatus.WITHDRAWN);
        assertThat(added.withdrawnOn()).isEqualTo(LATER);
        assertThat(added.completedOn()).as("the completion stays as history").isEqualTo(DONE);
    }

    @Test
    void a_reopened_item_is_open_again_and_no_longer_completed() {
        ProgrammeState state = fold(wkyDeclared(), originalBatch(), addedBatch(), completed(ORIGINAL),
                completed(ADDED), reopened(ADDED));

        assertThat(state.counts()).isEqualTo(new ItemCounts(155, 19, 155, 155, 0, 0, 19));
        ServiceItem added = state.item(ADDED).orElseThrow();
        assertThat(added.status()).isEqualTo(ServiceItemStatus.OPEN);
        assertThat(added.completedOn()).isNull();
        assertThat(added.evidence()).isNull();
        assertThat(added.reopenedOn()).isEqualTo(LATER);
        assertThat(added.reopenReason()).isEqualTo("误记为完成");
        assertThat(added.lastStepOn()).isEqualTo(LATER);
    }

    @Test
    void counts_per_category_list_every_declared_category_even_without_items() {
        ProgrammeState state = fold(wkyDeclared(), originalBatch(), addedBatch(), yibaoTransferListed(),
                completed(ORIGINAL), completed(YIBAO_TRANSFER));

        assertThat(state.countsByCategory()).containsExactly(
                entry(GOV_SERVICES, new ItemCounts(155, 19, 155, 155, 0, 0, 19)),
                entry(MEDICAL_INSURANCE, new ItemCounts(1, 0, 1, 1, 0, 0, 0)));
        assertThat(fold(wkyDeclared()).countsByCategory()).containsExactly(
                entry(GOV_SERVICES, ItemCounts.NONE), entry(MEDICAL_INSURANCE, ItemCounts.NONE));
    }

    @Test
    void counts_per_responsible_party_count_an_item_for_each_of_its_parties() {
        ProgrammeState state = fold(wkyDeclared(), originalBatch(), addedBatch(), yibaoTransferListed(),
                completed(ADDED), withdrawn(YIBAO_TRANSFER));

        assertThat(state.countsByResponsibleParty()).containsExactly(
                entry(WANZHOU, new ItemCounts(155, 0, 0, 0, 0, 0, 155)),
                entry(KAIZHOU, new ItemCounts(155, 19, 19, 0, 19, 1, 155)),
                entry(WANZHOU_YIBAO, new ItemCounts(0, 0, 0, 0, 0, 1, 0)));
    }

    @Test
    void counts_follow_an_item_through_completion_reopening_completion_and_withdrawal() {
        ProgrammeState listed = fold(wkyDeclared(), addedBatch());
        ProgrammeState done = ProgrammeState.fold(listed, completed(ADDED));
        ProgrammeState reopened = ProgrammeState.fold(done, reopened(ADDED));
        ProgrammeState doneAgain = ProgrammeState.fold(reopened,
                new ServiceItemCompletedEvent(WKY, ADDED, LATER, "复核通过"));
        ProgrammeState gone = ProgrammeState.fold(doneAgain, withdrawn(ADDED));

        assertThat(listed.counts()).isEqualTo(new ItemCounts(0, 19, 0, 0, 0, 0, 19));
        assertThat(done.counts()).isEqualTo(new ItemCounts(0, 19, 19, 0, 19, 0, 0));
        assertThat(reopened.counts()).isEqualTo(listed.counts());
        assertThat(doneAgain.counts()).isEqualTo(done.counts());
        assertThat(gone.counts()).isEqualTo(new ItemCounts(0, 0, 0, 0, 0, 19, 0));
        assertThat(gone.version()).isEqualTo(6);
    }

    @Test
    void folding_never_changes_an_earlier_state() {
        ProgrammeState listed = fold(wkyDeclared(), yibaoTransferListed());

        ProgrammeState.fold(listed, completed(YIBAO_TRANSFER));

        assertThat(listed.item(YIBAO_TRANSFER).orElseThrow().status()).isEqualTo(ServiceItemStatus.OPEN);
        assertThat(listed.version()).isEqualTo(2);
    }
}
