package coop.ledger.eventstore;

import coop.ledger.programme.api.ServiceItemCompletedEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Programme events stored under their first package name ({@code coop.ledger.service.api}) still read. */
class RenamedEventTypesTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void an_event_stored_under_the_former_package_reads_as_its_current_class() {
        String json = "{\"programmeId\":\"g1\",\"itemId\":\"i1\",\"completedOn\":\"2021-05-01\","
                + "\"evidence\":\"通报\"}";
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Programme", "g1", 3, "e-1",
                "2021-05-01T08:00:00Z", "coop.ledger.service.api.ServiceItemCompletedEvent", null,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> read = new RenamedEventTypes()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getName())
                .isEqualTo("coop.ledger.programme.api.ServiceItemCompletedEvent");
        Object event = serializer.deserialize(read.get(0).getData());
        assertThat(event).isEqualTo(new ServiceItemCompletedEvent("g1", "i1", LocalDate.of(2021, 5, 1), "通报"));
    }

    @Test
    void an_event_of_a_package_never_renamed_is_left_alone() {
        assertThat(RenamedEventTypes.current("coop.ledger.party.api.PartyRegisteredEvent")).isNull();
        assertThat(RenamedEventTypes.current("coop.ledger.service.api.ProgrammeDeclaredEvent"))
                .isEqualTo("coop.ledger.programme.api.ProgrammeDeclaredEvent");
    }
}
