package coop.ledger.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public keys whose seals the ledger trusts: its own signing key and any earlier keys named in
 * {@code ledger.audit.trusted-public-keys} (after a rotation, or on a node restored from another node's export).
 * They come from files outside the database: a key found in the database would prove nothing.
 */
final class SealKeys {

    private final Map<String, SealKey> byId = new LinkedHashMap<>();

    SealKeys(Iterable<SealKey> keys) {
        keys.forEach(key -> byId.put(key.keyId(), key));
    }

    static SealKeys of(SealKey... keys) {
        return new SealKeys(java.util.List.of(keys));
    }

    /** Whether the seal is signed by one of these keys and its signature holds. */
    boolean signed(Seal seal) {
        SealKey key = seal.keyId() == null ? null : byId.get(seal.keyId());
        return key != null && key.signed(seal);
    }

    boolean knows(String keyId) {
        return keyId != null && byId.containsKey(keyId);
    }
}
