package coop.ledger.agreement.state;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.state.AgreementState.Amendment;
import coop.ledger.agreement.state.AgreementState.Closure;
import coop.ledger.agreement.state.AgreementState.Participant;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static coop.ledger.shared.CooperationDomain.GOVERNMENT_SERVICES;
import static coop.ledger.shared.CooperationDomain.MEDICAL_INSURANCE;
import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_2021;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_SIGNED_ON;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_TITLE;
import static coop.ledger.testdata.Agreements.TONGBAN;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Agreements.listing;
import static coop.ledger.testdata.Agreements.payment;
import static coop.ledger.testdata.Agreements.pengxiSigned;
import static coop.ledger.testdata.Agreements.tongbanListed;
import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.LIANGPING;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.YUNYANG;
import static org.assertj.core.api.Assertions.assertThat;

class AgreementStateTest {

    private static final LocalDate LATER = LocalDate.of(2021, 3, 1);

    private static AgreementState fold(AgreementEvent... events) {
        AgreementState state = null;
        for (AgreementEvent event : events) {
            state = AgreementState.fold(state, event);
        }
        return state;
    }

    @Test
    void a_signed_agreement_is_in_force_at_version_1() {
        AgreementState state = fold(govServicesSigned());

        assertThat(state.agreementId()).isEqualTo(GOV_SERVICES);
        assertThat(state.title()).isEqualTo(GOV_SERVICES_TITLE);
        assertThat(state.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(state.closure()).isNull();
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void signatories_and_observers_take_part_from_the_signing() {
        AgreementState state = fold(govServicesSigned());

        assertThat(state.signatories()).containsExactly(WANZHOU, DAZHOU, KAIZHOU);
        assertThat(state.observers()).containsExactly(YUNYANG);
        assertThat(state.participants()).allMatch(p -> p.since().equals(GOV_SERVICES_SIGNED_ON));
        assertThat(state.roleOf(LIANGPING)).isEmpty();
    }

    @Test
    void a_joined_party_takes_part_from_its_joining_date() {
        AgreementState state = fold(govServicesSigned(),
                new PartyJoinedAgreementEvent(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER, LATER));

        assertThat(state.observers()).containsExactly(YUNYANG, LIANGPING);
        assertThat(state.participants()).contains(new Participant(LIANGPING, ParticipantRole.OBSERVER, LATER));
    }

    @Test
    void a_promoted_observer_is_a_signatory_from_its_promotion() {
        AgreementState state = fold(govServicesSigned(), new ObserverPromotedEvent(GOV_SERVICES, YUNYANG, LATER));

        assertThat(state.signatories()).containsExactly(WANZHOU, DAZHOU, KAIZHOU, YUNYANG);
        assertThat(state.observers()).isEmpty();
        assertThat(state.participants()).contains(new Participant(YUNYANG, ParticipantRole.SIGNATORY, LATER));
    }

    @Test
    void counts_a_batch_entry_as_the_items_it_stands_for() {
        AgreementState state = fold(govServicesSigned(),
                tongbanListed(),
                listing().itemId("mingyueshan").batch(83, "来源只报告总数83项").event(),
                new CooperationItemCompletedEvent(GOV_SERVICES, "mingyueshan", LATER, "来源报道已完成"));

        assertThat(state.itemCounts().in(ItemStatus.COMPLETED)).isEqualTo(83);
        assertThat(state.itemCounts().in(ItemStatus.LISTED)).isEqualTo(1);
        assertThat(state.itemCounts().total()).isEqualTo(84);
    }

    @Test
    void counts_items_by_status() {
        AgreementState state = fold(govServicesSigned(),
                tongbanListed(),
                listing().itemId("yibao-01").event(),
                listing().itemId("jiaotong-01").event(),
                listing().itemId("sifa-01").event(),
                new CooperationItemStartedEvent(GOV_SERVICES, TONGBAN, LATER),
                new CooperationItemStartedEvent(GOV_SERVICES, "yibao-01", LATER),
                new CooperationItemCompletedEvent(GOV_SERVICES, "yibao-01", LATER, "9类17项业务已同城化办理"),
                new CooperationItemDroppedEvent(GOV_SERVICES, "jiaotong-01", LATER, "移交交通合作协议"));

        assertThat(state.itemCounts().in(ItemStatus.LISTED)).isEqualTo(1);
        assertThat(state.itemCounts().in(ItemStatus.STARTED)).isEqualTo(1);
        assertThat(state.itemCounts().in(ItemStatus.COMPLETED)).isEqualTo(1);
        assertThat(state.itemCounts().in(ItemStatus.DROPPED)).isEqualTo(1);
        assertThat(state.version()).isEqualTo(9);
    }

    @Test
    void a_completed_item_keeps_its_start_and_evidence() {
        AgreementState state = fold(govServicesSigned(), tongbanListed(),
                new CooperationItemStartedEvent(GOV_SERVICES, TONGBAN, LATER),
                new CooperationItemCompletedEvent(GOV_SERVICES, TONGBAN, LATER.plusMonths(3), "已上线"));

        assertThat(state.item(TONGBAN)).hasValueSatisfying(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.COMPLETED);
            assertThat(item.startedOn()).isEqualTo(LATER);
            assertThat(item.completedOn()).isEqualTo(LATER.plusMonths(3));
            assertThat(item.evidence()).isEqualTo("已上线");
        });
    }

    @Test
    void a_dropped_item_keeps_its_reason() {
        AgreementState state = fold(govServicesSigned(), tongbanListed(),
                new CooperationItemDroppedEvent(GOV_SERVICES, TONGBAN, LATER, "并入川渝通办清单"));

        assertThat(state.item(TONGBAN)).hasValueSatisfying(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.DROPPED);
            assertThat(item.droppedOn()).isEqualTo(LATER);
            assertThat(item.dropReason()).isEqualTo("并入川渝通办清单");
        });
    }

    @Test
    void payments_total_is_the_exact_sum_of_the_payments() {
        AgreementState state = fold(pengxiSigned(), payment().event(),
                payment().id("pengxi-2021-01").amount("798.05万元").event());

        assertThat(state.paymentsTotal()).isEqualTo(Money.parse("1898.05万元"));
        assertThat(state.hasPayment("pengxi-2021-01")).isTrue();
        assertThat(state.hasPayment("pengxi-2022-01")).isFalse();
    }

    @Test
    void an_agreement_without_payments_totals_zero() {
        assertThat(fold(pengxiSigned()).paymentsTotal()).isEqualTo(Money.zero());
    }

    @Test
    void an_amendment_changes_only_the_fields_it_names_and_is_remembered() {
        AgreementState state = fold(govServicesSigned(), new AgreementAmendedEvent(GOV_SERVICES, LATER, null, null,
                Set.of(GOVERNMENT_SERVICES, MEDICAL_INSURANCE), "增加医保经办同城化内容", "落实万开云医保经办服务框架协议"));

        assertThat(state.title()).isEqualTo(GOV_SERVICES_TITLE);
        assertThat(state.summary()).isEqualTo(govServicesSigned().summary());
        assertThat(state.domains()).containsExactlyInAnyOrder(GOVERNMENT_SERVICES, MEDICAL_INSURANCE);
        assertThat(state.amendments())
                .containsExactly(new Amendment(LATER, "增加医保经办同城化内容", "落实万开云医保经办服务框架协议"));
    }

    @Test
    void supersession_closes_the_agreement_and_names_the_successor() {
        AgreementState state = fold(govServicesSigned(),
                new AgreementSupersededEvent(GOV_SERVICES, GOV_SERVICES_2021, LATER, "签订新一轮合作协议"));

        assertThat(state.status()).isEqualTo(AgreementStatus.SUPERSEDED);
        assertThat(state.closure()).isEqualTo(new Closure(LATER, "签订新一轮合作协议", GOV_SERVICES_2021));
    }

    @Test
    void expiry_closes_the_agreement() {
        AgreementState state = fold(govServicesSigned(), new AgreementExpiredEvent(GOV_SERVICES, LATER));

        assertThat(state.status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(state.closure()).isEqualTo(new Closure(LATER, null, null));
    }

    @Test
    void termination_closes_the_agreement_with_its_reason() {
        AgreementState state = fold(govServicesSigned(), new AgreementTerminatedEvent(GOV_SERVICES, LATER, "并入工作机制"));

        assertThat(state.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(state.closure()).isEqualTo(new Closure(LATER, "并入工作机制", null));
        assertThat(state.version()).isEqualTo(2);
    }
}
