package coop.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 hash of one stored event. It covers every stored field that means something (event id, record id,
 * sequence, record type, timestamp text, payload type and revision, the payload and metadata bytes as stored) and
 * the hash of the record's previous event, so that changing, removing or reordering an event of a record breaks
 * its chain. Each field is length-prefixed, so no two different rows hash the same input.
 */
final class EventHash {

    /** What the first event of every record chains to. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] DOMAIN = "cooperation-ledger/event/v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private EventHash() {
    }

    public static String of(String eventId, String aggregateId, long sequence, String aggregateType, String timestamp,
                            String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                            String previousHash) {
        MessageDigest sha = sha256();
        field(sha, DOMAIN);
        field(sha, eventId);
        field(sha, aggregateId);
        field(sha, Long.toString(sequence));
        field(sha, aggregateType);
        field(sha, timestamp);
        field(sha, payloadType);
        field(sha, payloadRevision);
        field(sha, payload);
        field(sha, metaData);
        field(sha, previousHash);
        return HEX.formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        field(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length (4 bytes, big-endian; -1 for null) then the bytes. */
    private static void field(MessageDigest sha, byte[] value) {
        int length = value == null ? -1 : value.length;
        sha.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (value != null) {
            sha.update(value);
        }
    }
}
