package coop.ledger;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.FindAgreementQuery;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.party.api.FindPartyQuery;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.testdata.Agreements;
import coop.ledger.testdata.MessageSamples;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

/** Every command, event and query of the api packages survives a Jackson round trip: found by scanning, not listed. */
class MessageRoundTripTest {

    private static final List<Class<?>> MESSAGE_TYPES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("coop.ledger")
            .stream()
            .filter(resideInAPackage("..api.."))
            .filter(JavaClass::isRecord)
            .filter(type -> type.getSimpleName().matches(".+(Command|Event|Query)"))
            .<Class<?>>map(JavaClass::reflect)
            .sorted(Comparator.comparing(Class::getName))
            .toList();

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Named<Class<?>>> messageTypes() {
        return MESSAGE_TYPES.stream().map(type -> Named.of(type.getSimpleName(), type));
    }

    @Test
    void the_scan_finds_commands_events_and_queries_of_every_concept() {
        assertThat(MESSAGE_TYPES).contains(SignAgreementCommand.class, AgreementSignedEvent.class,
                FindAgreementQuery.class, RegisterPartyCommand.class, PartyRenamedEvent.class, FindPartyQuery.class);
    }

    @Test
    void every_sample_is_a_message_the_scan_finds() {
        assertThat(MessageSamples.all()).extracting(Object::getClass).allMatch(MESSAGE_TYPES::contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void survives_a_json_round_trip(Class<?> type) {
        Object sample = MessageSamples.of(type).orElseThrow(() -> new AssertionError(
                "no sample of " + type.getName() + ": add one to " + MessageSamples.class.getName()));

        String text = json.writeValueAsString(sample);

        assertThat(json.readValue(text, type)).isEqualTo(sample);
    }

    @Test
    void keeps_chinese_text_as_text() {
        String text = json.writeValueAsString(Agreements.govServicesSigned());

        assertThat(text).contains("\"title\":\"万达开政务服务协同发展战略框架协议\"", "\"place\":\"万州\"");
    }
}
