package coop.ledger.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's identifiers are version 7 UUIDs: time first, so a new event's key goes to the end of its index. */
class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsItForEveryMessage() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);

        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("payload").getIdentifier());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void carriesItsMillisecondInTheFirst48Bits() {
        long millis = 1_795_977_517_918L;

        UUID id = TimeOrderedIdentifierFactory.next(millis);

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void sortsAsTextInTheOrderOfItsTime() {
        String earlier = TimeOrderedIdentifierFactory.next(1_795_977_517_918L).toString();
        String later = TimeOrderedIdentifierFactory.next(1_795_977_517_919L).toString();
        String muchLater = TimeOrderedIdentifierFactory.next(1_895_977_517_918L).toString();

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void staysUniqueWithinOneMillisecond() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIdentifierFactory.next(1_795_977_517_918L));
        }

        assertThat(ids).hasSize(100_000);
    }
}
