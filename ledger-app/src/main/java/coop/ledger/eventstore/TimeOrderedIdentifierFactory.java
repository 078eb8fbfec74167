package coop.ledger.eventstore;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Axon's identifiers (of events, commands, snapshots) as time-ordered UUIDs, version 7 of RFC 9562: 48 bits of Unix
 * milliseconds, then 74 random bits. Axon's default is a random UUID (version 4); an event's identifier is a unique
 * key of the event table, and a random key puts each new event in a random leaf of that index, so every commit
 * rewrites leaves all over it. In an append-only store (H2's MVStore writes every changed page anew) that made the
 * index the largest source of dead pages in the file. A time-ordered key goes to the index's last leaves, like the
 * event's position does. The identifier stays a UUID in the same text form, as unique as before (74 random bits
 * within a millisecond); nothing reads meaning from it.
 * <p>
 * Axon finds it through {@code META-INF/services/org.axonframework.common.IdentifierFactory} (public, with a
 * public constructor, for the {@link java.util.ServiceLoader}).
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String generateIdentifier() {
        return next(System.currentTimeMillis()).toString();
    }

    /** A version 7 UUID for the Unix time {@code millis}, its other bits random. */
    static UUID next(long millis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 8 | (random[1] & 0xFFL)) & 0x0FFFL;
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long low = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
