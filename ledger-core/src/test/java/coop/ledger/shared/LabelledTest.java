package coop.ledger.shared;

import coop.ledger.agreement.api.AgreementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelledTest {

    @ParameterizedTest
    @ValueSource(strings = {"ECOLOGICAL_COMPENSATION", "ecological_compensation", "生态补偿协议",
            "Ecological Compensation Agreement", " 生态补偿协议 "})
    void reads_the_code_or_either_label(String text) {
        assertThat(AgreementKind.of(text)).isEqualTo(AgreementKind.ECOLOGICAL_COMPENSATION);
    }

    @Test
    void names_the_accepted_values_when_none_matches() {
        assertThatIllegalArgumentException().isThrownBy(() -> CooperationDomain.of("航天"))
                .withMessageContaining("unknown value \"航天\"")
                .withMessageContaining("MEDICAL_INSURANCE (医保)");
    }
}
