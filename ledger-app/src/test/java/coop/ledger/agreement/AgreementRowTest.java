package coop.ledger.agreement;

import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.processing.Applied;
import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How an agreement's dashboard row follows its events, and ignores an event it has already applied. */
public class AgreementRowTest {

    private static final LocalDate SIGNED = LocalDate.of(2020, 12, 8);

    public static Applied at(long sequence) {
        return Applied.of(sequence, 100 + sequence, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence));
    }

    static AgreementRow signed() {
        return AgreementRow.signed(new AgreementSignedEvent("wdk", "万达开川渝统筹发展示范区合作框架协议",
                AgreementKind.FRAMEWORK, List.of("wanzhou", "dazhou"), List.of("yunyang"), SIGNED, "万州",
                "2020川渝国企万州行", Set.of(CooperationDomain.TRANSPORT, CooperationDomain.INDUSTRY), "概要"), at(0));
    }

    @Test
    void a_signing_starts_in_force_with_no_items_and_no_payments() {
        AgreementRow row = signed();

        assertThat(row.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(row.signatories()).containsExactly("wanzhou", "dazhou");
        assertThat(row.observers()).containsExactly("yunyang");
        assertThat(row.domains()).containsExactly(CooperationDomain.TRANSPORT, CooperationDomain.INDUSTRY);
        assertThat(row.items()).isEqualTo(CooperationItemCounts.NONE);
        assertThat(row.paymentsTotal()).isEqualTo(Money.zero());
        assertThat(row.lastSequence()).isZero();
        assertThat(row.lastPosition()).isEqualTo(100);
    }

    @Test
    void payments_add_up_exactly_and_a_repeated_payment_is_not_counted_twice() {
        PaymentRecordedEvent first = new PaymentRecordedEvent("wdk", "p1", "wanzhou", "dazhou",
                Money.parse("1000万元"), LocalDate.of(2021, 6, 1), null);
        PaymentRecordedEvent second = new PaymentRecordedEvent("wdk", "p2", "wanzhou", "dazhou",
                Money.ofYuan("100000000.01"), LocalDate.of(2021, 9, 1), null);

        AgreementRow row = signed().apply(first, at(1)).apply(second, at(2));
        AgreementRow again = row.apply(second, at(2)).apply(first, at(1));

        assertThat(row.paymentsTotal()).isEqualTo(Money.ofYuan("110000000.01"));
        assertThat(row.payments()).isEqualTo(2);
        assertThat(again).isEqualTo(row);
    }

    @Test
    void items_move_between_the_counts_as_they_progress() {
        AgreementRow row = signed()
                .itemMoved(null, ItemStatus.LISTED, 1, at(1))
                .itemMoved(null, ItemStatus.LISTED, 1, at(2))
                .itemMoved(ItemStatus.LISTED, ItemStatus.STARTED, 1, at(3))
                .itemMoved(ItemStatus.STARTED, ItemStatus.COMPLETED, 1, at(4))
                .itemMoved(ItemStatus.LISTED, ItemStatus.DROPPED, 1, at(5));

        assertThat(row.items()).isEqualTo(new CooperationItemCounts(0, 0, 1, 1));
        assertThat(row.items().total()).isEqualTo(2);
        assertThat(row.itemMoved(ItemStatus.STARTED, ItemStatus.COMPLETED, 1, at(4))).isEqualTo(row);
    }

    @Test
    void a_batch_entry_counts_as_its_items_in_every_status() {
        AgreementItemRow batch = AgreementItemRow.listed(new CooperationItemListedEvent("wdk", "batch",
                "83项合作事项", null, List.of("wanzhou"), null, SIGNED, 83, "来源只报总数"), at(1));
        AgreementRow row = signed()
                .itemMoved(null, batch.status(), batch.itemCount(), at(1))
                .itemMoved(null, ItemStatus.LISTED, 1, at(2))
                .itemMoved(ItemStatus.LISTED, ItemStatus.COMPLETED, batch.itemCount(), at(3));

        assertThat(batch.itemCount()).isEqualTo(83);
        assertThat(batch.note()).isEqualTo("来源只报总数");
        assertThat(row.items()).isEqualTo(new CooperationItemCounts(1, 0, 83, 0));
        assertThat(row.items().total()).isEqualTo(84);
    }

    @Test
    void an_entry_recorded_before_batches_existed_counts_as_one_item() {
        AgreementItemRow old = AgreementItemRow.listed(new CooperationItemListedEvent("wdk", "old", "旧事项", null,
                List.of(), null, SIGNED, null, null), at(1));

        assertThat(old.itemCount()).isEqualTo(1);
    }

    @Test
    void a_payment_correction_changes_the_total_by_the_difference_once() {
        PaymentRecordedEvent first = new PaymentRecordedEvent("wdk", "p1", "wanzhou", "dazhou",
                Money.parse("1000万元"), LocalDate.of(2021, 6, 1), null);
        PaymentRecordedEvent second = new PaymentRecordedEvent("wdk", "p2", "wanzhou", "dazhou",
                Money.parse("100万元"), LocalDate.of(2021, 9, 1), null);
        PaymentCorrectedEvent correction = new PaymentCorrectedEvent("wdk", "p1", 1, null, null,
                Money.parse("800万元"), null, "金额录错", LocalDate.of(2021, 6, 1));
        AgreementRow row = signed().apply(first, at(1)).apply(second, at(2));
        PaymentRow payment = PaymentRow.recorded(first, at(1));

        PaymentRow corrected = payment.corrected(correction, at(3));
        AgreementRow after = row.paymentCorrected(payment.amount(), corrected.amount(), at(3));

        assertThat(corrected.amount()).isEqualTo(Money.parse("800万元"));
        assertThat(corrected.paidOn()).isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(after.paymentsTotal()).isEqualTo(Money.parse("900万元"));
        assertThat(after.payments()).isEqualTo(2);
        assertThat(after.paymentCorrected(payment.amount(), corrected.amount(), at(3))).isEqualTo(after);
        assertThat(corrected.corrected(correction, at(3))).isEqualTo(corrected);
        assertThat(after.paymentsTotal()).isEqualTo(fold(first, second, correction).paymentsTotal());
    }

    @Test
    void a_signing_correction_shows_the_corrected_title_date_place_and_occasion_as_the_fold_does() {
        AgreementSigningCorrectedEvent correction = new AgreementSigningCorrectedEvent("wdk", 0, null,
                LocalDate.of(2020, 12, 9), "达州", "2020川渝合作推进会", "签约日期录错", LocalDate.of(2020, 12, 9));

        AgreementRow row = signed().apply(correction, at(1));
        AgreementState state = fold(correction);

        assertThat(row.title()).isEqualTo(state.title()).isEqualTo("万达开川渝统筹发展示范区合作框架协议");
        assertThat(row.signedOn()).isEqualTo(state.signedOn()).isEqualTo(LocalDate.of(2020, 12, 9));
        assertThat(row.place()).isEqualTo(state.place()).isEqualTo("达州");
        assertThat(row.occasion()).isEqualTo(state.occasion()).isEqualTo("2020川渝合作推进会");
        assertThat(row.apply(correction, at(1))).isEqualTo(row);
    }

    private static AgreementState fold(AgreementEvent... events) {
        AgreementState state = AgreementState.fold(null, new AgreementSignedEvent("wdk",
                "万达开川渝统筹发展示范区合作框架协议", AgreementKind.FRAMEWORK, List.of("wanzhou", "dazhou"),
                List.of("yunyang"), SIGNED, "万州", "2020川渝国企万州行",
                Set.of(CooperationDomain.TRANSPORT, CooperationDomain.INDUSTRY), "概要"));
        for (AgreementEvent event : events) {
            state = AgreementState.fold(state, event);
        }
        return state;
    }

    @Test
    void joining_promotion_amendment_and_closure_change_the_row() {
        AgreementRow row = signed()
                .apply(new PartyJoinedAgreementEvent("wdk", "kaizhou", ParticipantRole.SIGNATORY,
                        LocalDate.of(2021, 1, 1)), at(1))
                .apply(new ObserverPromotedEvent("wdk", "yunyang", LocalDate.of(2021, 2, 1)), at(2))
                .apply(new AgreementAmendedEvent("wdk", LocalDate.of(2021, 3, 1), "新标题", null,
                        Set.of(CooperationDomain.MEDICAL_INSURANCE), "增加医保", "调整"), at(3));

        assertThat(row.signatories()).containsExactly("wanzhou", "dazhou", "kaizhou", "yunyang");
        assertThat(row.observers()).isEmpty();
        assertThat(row.title()).isEqualTo("新标题");
        assertThat(row.domains()).containsExactly(CooperationDomain.MEDICAL_INSURANCE);
        assertThat(row.amendments()).isEqualTo(1);

        AgreementRow superseded = row.apply(new AgreementSupersededEvent("wdk", "wdk-2", LocalDate.of(2021, 9, 1),
                null), at(4));
        assertThat(superseded.status()).isEqualTo(AgreementStatus.SUPERSEDED);
        assertThat(superseded.supersededBy()).isEqualTo("wdk-2");
        assertThat(superseded.closedOn()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(row.apply(new AgreementExpiredEvent("wdk", LocalDate.of(2021, 12, 31)), at(4)).status())
                .isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void an_item_row_follows_its_item_and_ignores_a_repeated_event() {
        AgreementItemRow listed = AgreementItemRow.listed(new CooperationItemListedEvent("wdk", "yibao-1",
                "异地就医直接结算", CooperationDomain.MEDICAL_INSURANCE, List.of("wanzhou-yibao"), null,
                LocalDate.of(2021, 1, 5), null, null), at(1));
        AgreementItemRow started = listed.apply(new CooperationItemStartedEvent("wdk", "yibao-1",
                LocalDate.of(2021, 2, 1)), at(2));
        AgreementItemRow completed = started.apply(new CooperationItemCompletedEvent("wdk", "yibao-1",
                LocalDate.of(2021, 6, 30), "已实现"), at(3));

        assertThat(listed.status()).isEqualTo(ItemStatus.LISTED);
        assertThat(started.status()).isEqualTo(ItemStatus.STARTED);
        assertThat(completed.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(completed.startedOn()).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(completed.apply(new CooperationItemStartedEvent("wdk", "yibao-1", LocalDate.of(2021, 2, 1)),
                at(2))).isEqualTo(completed);
    }
}
