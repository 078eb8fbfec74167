package coop.ledger.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.shared.LedgerEvent;
import coop.ledger.shared.Money;
import coop.ledger.testdata.Agreements;
import coop.ledger.testdata.MessageSamples;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event type of every concept has a readable summary in Chinese and English: found by scanning. */
class EventSummariesTest {

    private static final List<Class<?>> EVENT_TYPES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("coop.ledger")
            .stream()
            .filter(resideInAPackage("..api.."))
            .filter(JavaClass::isRecord)
            .filter(type -> type.isAssignableTo(LedgerEvent.class))
            .<Class<?>>map(JavaClass::reflect)
            .sorted(Comparator.comparing(Class::getName))
            .toList();

    static Stream<Named<Class<?>>> eventTypes() {
        return EVENT_TYPES.stream().map(type -> Named.of(type.getSimpleName(), type));
    }

    @Test
    void the_scan_finds_the_events_of_all_four_concepts() {
        assertThat(EVENT_TYPES).extracting(Class::getPackageName).contains("coop.ledger.party.api",
                "coop.ledger.agreement.api", "coop.ledger.project.api", "coop.ledger.programme.api");
        assertThat(EVENT_TYPES).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void has_a_summary_in_chinese_and_english(Class<?> type) {
        Object sample = MessageSamples.of(type).orElseThrow(() -> new AssertionError("no sample of " + type));

        EventSummary summary = EventSummaries.of(sample).orElseThrow(() -> new AssertionError(
                "no summary for " + type.getSimpleName() + ": add a summariser to EventSummaries"));

        assertThat(summary.zh()).as("zh").isNotBlank().containsPattern("\\p{IsHan}");
        assertThat(summary.en()).as("en").isNotBlank().isNotEqualTo(summary.zh());
    }

    @Test
    void a_payment_reads_as_who_paid_whom_how_much() {
        EventSummary summary = EventSummaries.describe(Agreements.payment().event());

        assertThat(summary.zh()).isEqualTo("付款 pengxi-2020-01：yunyang 向 kaizhou 支付 1100万元");
        assertThat(summary.en()).isEqualTo("payment pengxi-2020-01: yunyang paid kaizhou 11000000 yuan (1100万元)");
    }

    @Test
    void a_correction_names_the_event_it_corrects_and_the_new_values() {
        EventSummary summary = EventSummaries.describe(new PaymentCorrectedEvent(Agreements.PENGXI,
                "pengxi-2020-01", 1, null, null, Money.parse("110万元"), LocalDate.of(2021, 1, 20), "多写一位",
                LocalDate.of(2021, 1, 20)));

        assertThat(summary.zh()).isEqualTo("更正付款 pengxi-2020-01（更正第 1 号事件）：金额改为 110万元，付款日期改为 2021-01-20");
        assertThat(summary.en()).isEqualTo(
                "corrected payment pengxi-2020-01 (corrects event 1): amount → 1100000 yuan (110万元), paid on → 2021-01-20");
    }
}
