package coop.ledger.audit;

import java.time.Instant;

/**
 * A seal: the Merkle root over the hashes of all {@code events} recorded up to global {@code position}, chained to
 * the root of the seal before it (the first to 64 zeros). Once events are sealed, removing, adding or altering any
 * of them changes the root.
 */
record Seal(long position, long events, String root, String previousRoot, Instant sealedAt) {
}
