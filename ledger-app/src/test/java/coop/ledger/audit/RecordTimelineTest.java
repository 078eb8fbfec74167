package coop.ledger.audit;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Time travel folds through the concept's own fold; by business date a corrected fact counts at its corrected date. */
class RecordTimelineTest {

    private static final String ID = "pengxi-compensation";
    private static final Instant T0 = Instant.parse("2021-01-01T00:00:00Z");

    private final List<RecordedEvent> events = new ArrayList<>();

    private void record(Object payload) {
        long sequence = events.size();
        events.add(new RecordedEvent(100 + sequence, sequence, "event-" + sequence, payload,
                T0.plusSeconds(3600 * sequence), "ndrc-office", "c-" + sequence, "c-" + sequence));
    }

    private RecordTimeline timeline() {
        return new RecordTimeline(ID, AuditedConcept.AGREEMENT, events);
    }

    private void signAndPay(LocalDate paidOn) {
        record(new AgreementSignedEvent(ID, "澎溪河流域横向生态保护补偿协议", AgreementKind.ECOLOGICAL_COMPENSATION,
                List.of("kaizhou", "yunyang"), List.of(), LocalDate.of(2020, 12, 1), "开州", null,
                Set.of(CooperationDomain.ECOLOGY), null));
        record(new PaymentRecordedEvent(ID, "paid-to-2021", "yunyang", "kaizhou", Money.parse("1100万元"), paidOn,
                null));
    }

    private static List<AgreementState.Payment> payments(Object state) {
        return ((AgreementState) state).payments();
    }

    @Test
    void as_recorded_at_an_instant_folds_only_what_was_recorded_by_then() {
        signAndPay(LocalDate.of(2021, 9, 30));
        record(new PaymentCorrectedEvent(ID, "paid-to-2021", 1, null, null, Money.parse("110万元"), null, "多写一位",
                LocalDate.of(2021, 9, 30)));

        assertThat(timeline().asRecordedAt(T0.minusSeconds(1))).isNull();
        assertThat(payments(timeline().asRecordedAt(T0.plusSeconds(3600))).get(0).amount())
                .isEqualTo(Money.parse("1100万元"));
        assertThat(payments(timeline().asRecordedAt(T0.plusSeconds(7200))).get(0).amount())
                .isEqualTo(Money.parse("110万元"));
        assertThat(timeline().asRecordedAt(T0.plusSeconds(7200))).isEqualTo(timeline().stateAfter(3));
    }

    @Test
    void a_payment_whose_date_was_corrected_to_later_is_not_paid_before_the_corrected_date() {
        signAndPay(LocalDate.of(2021, 9, 30));
        record(new PaymentCorrectedEvent(ID, "paid-to-2021", 1, null, null, null, LocalDate.of(2021, 10, 5), "回单",
                LocalDate.of(2021, 10, 5)));

        assertThat(payments(timeline().asOfBusinessDate(LocalDate.of(2021, 10, 1)))).isEmpty();
        assertThat(payments(timeline().asOfBusinessDate(LocalDate.of(2021, 10, 5))).get(0).paidOn())
                .isEqualTo(LocalDate.of(2021, 10, 5));
    }

    @Test
    void a_payment_whose_date_was_corrected_to_earlier_is_paid_from_the_corrected_date() {
        signAndPay(LocalDate.of(2021, 10, 5));
        record(new PaymentCorrectedEvent(ID, "paid-to-2021", 1, null, null, null, LocalDate.of(2021, 9, 26), "回单",
                LocalDate.of(2021, 9, 26)));
        record(new PaymentCorrectedEvent(ID, "paid-to-2021", 2, null, null, Money.parse("110万元"), null, "多写一位",
                LocalDate.of(2021, 9, 26)));

        List<AgreementState.Payment> paid = payments(timeline().asOfBusinessDate(LocalDate.of(2021, 10, 1)));

        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).paidOn()).isEqualTo(LocalDate.of(2021, 9, 26));
        assertThat(paid.get(0).amount()).isEqualTo(Money.parse("110万元"));
    }

    @Test
    void before_the_signing_there_is_no_record() {
        signAndPay(LocalDate.of(2021, 9, 30));

        assertThat(timeline().asOfBusinessDate(LocalDate.of(2020, 11, 30))).isNull();
    }
}
