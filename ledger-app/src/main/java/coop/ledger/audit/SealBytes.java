package coop.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The canonical bytes a seal's signature covers: UTF-8 text, one field per line, each line ending in a line feed
 * (0x0A), in this order and with nothing else:
 * <pre>
 * cooperation-ledger/seal/v1
 * ledger-id:LEDGER_ID
 * position:POSITION
 * events:EVENTS
 * root:ROOT
 * previous-root:PREVIOUS_ROOT
 * sealed-at:SEALED_AT
 * key-id:KEY_ID
 * </pre>
 * Numbers in decimal without sign or leading zeros, roots as 64 lowercase hex digits, the time as ISO-8601 UTC
 * exactly as the seal's JSON gives it ({@code Instant.toString()}). Text was chosen over a binary layout so that an
 * auditor can rebuild it with a shell; ids are restricted to characters that cannot break a line.
 */
final class SealBytes {

    static final String VERSION = "cooperation-ledger/seal/v1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private SealBytes() {
    }

    static byte[] of(Seal seal) {
        require(seal.ledgerId() != null && ID.matcher(seal.ledgerId()).matches(), "ledgerId", seal.ledgerId());
        require(seal.keyId() != null && ID.matcher(seal.keyId()).matches(), "keyId", seal.keyId());
        require(seal.root() != null && HEX.matcher(seal.root()).matches(), "root", seal.root());
        require(seal.previousRoot() != null && HEX.matcher(seal.previousRoot()).matches(), "previousRoot",
                seal.previousRoot());
        require(seal.sealedAt() != null, "sealedAt", null);
        String text = VERSION + "\n"
                + "ledger-id:" + seal.ledgerId() + "\n"
                + "position:" + seal.position() + "\n"
                + "events:" + seal.events() + "\n"
                + "root:" + seal.root() + "\n"
                + "previous-root:" + seal.previousRoot() + "\n"
                + "sealed-at:" + seal.sealedAt() + "\n"
                + "key-id:" + seal.keyId() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void require(boolean ok, String field, String value) {
        if (!ok) {
            throw new IllegalArgumentException("a signed seal's " + field + " cannot be " + value);
        }
    }
}
