package coop.ledger.agreement.state;

import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.state.AgreementState.Payment;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Agreements.PENGXI;
import static coop.ledger.testdata.Agreements.PENGXI_PAYMENT;
import static coop.ledger.testdata.Agreements.payment;
import static coop.ledger.testdata.Agreements.pengxiSigned;
import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.YUNYANG;
import static org.assertj.core.api.Assertions.assertThat;

/** Current state takes the corrected values; fields a correction leaves null keep theirs. */
class AgreementCorrectionFoldTest {

    @Test
    void a_payment_correction_replaces_only_the_corrected_values() {
        AgreementState state = AgreementState.fold(AgreementState.fold(null, pengxiSigned()), payment().event());

        AgreementState corrected = AgreementState.fold(state, new PaymentCorrectedEvent(PENGXI, PENGXI_PAYMENT, 1,
                null, null, Money.parse("110万元"), null, "多写一位", LocalDate.of(2021, 1, 15)));

        assertThat(corrected.payments()).containsExactly(new Payment(PENGXI_PAYMENT, YUNYANG, KAIZHOU,
                Money.parse("110万元"), LocalDate.of(2021, 1, 15), "流域横向生态补偿资金"));
        assertThat(corrected.paymentsTotal()).isEqualTo(Money.parse("110万元"));
        assertThat(corrected.version()).isEqualTo(3);
    }

    @Test
    void a_signing_correction_moves_the_signing_date_of_the_founding_parties() {
        LocalDate signedOn = LocalDate.of(2020, 6, 1);
        AgreementState state = AgreementState.fold(null, pengxiSigned());

        AgreementState corrected = AgreementState.fold(state, new AgreementSigningCorrectedEvent(PENGXI, 0, null,
                signedOn, null, "川渝生态补偿签约仪式", "以协议文本为准", signedOn));

        assertThat(corrected.signedOn()).isEqualTo(signedOn);
        assertThat(corrected.title()).isEqualTo(state.title());
        assertThat(corrected.place()).isEqualTo(state.place());
        assertThat(corrected.occasion()).isEqualTo("川渝生态补偿签约仪式");
        assertThat(corrected.participants()).allSatisfy(p -> assertThat(p.since()).isEqualTo(signedOn));
    }
}
