package coop.ledger.audit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Restores an export ({@link LedgerExport}) into an empty ledger: every event row exactly as exported (position, ids,
 * timestamp text, payload and metadata bytes, hashes), then the seals. Each event's hash, chain link and sequence is
 * checked as it is read; at the end the restored ledger must verify, seals included, and match the export's end
 * line. Anything wrong and the whole restore is rolled back. Runs in one transaction on the given connection.
 */
final class LedgerRestore {

    private static final int BATCH = 500;

    private final JsonMapper json;

    public LedgerRestore(JsonMapper json) {
        this.json = json;
    }

    /** What was restored, and the verification of the restored ledger. */
    public record RestoreReport(long events, int seals, VerificationReport verification) {
    }

    /**
     * Restores {@code in} into the ledger behind {@code connection}, which must hold no events and no seals. With
     * {@code clearTokens}, the token store is emptied too, so every streaming processor starts from the beginning.
     */
    public RestoreReport restore(InputStream in, Connection connection, boolean clearTokens)
            throws SQLException, IOException, RestoreRefusedException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            RestoreReport report = restoreInTransaction(in, connection, clearTokens);
            connection.commit();
            return report;
        } catch (SQLException | IOException | RestoreRefusedException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private RestoreReport restoreInTransaction(InputStream in, Connection connection, boolean clearTokens)
            throws SQLException, IOException, RestoreRefusedException {
        long existing = count(connection, "domain_event_entry") + count(connection, "ledger_seal");
        if (existing > 0) {
            throw new RestoreRefusedException(0, "restore.not-empty", "the ledger already holds events or seals; "
                    + "restore only into an empty ledger");
        }
        // interior tree nodes are derived from events; any left from a ledger emptied by hand would be wrong
        try (Statement clear = connection.createStatement()) {
            clear.executeUpdate("DELETE FROM ledger_tree_node");
        }
        ChainCheck chain = new ChainCheck();
        MerkleRoot merkle = new MerkleRoot();
        List<Seal> seals = new ArrayList<>();
        long maxPosition = 0;
        boolean ended = false;
        long lineNumber = 0;
        BufferedInputStream input = new BufferedInputStream(in, 1 << 16);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry ("
                + StoredEvent.COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int batched = 0;
            byte[] line;
            while ((line = readLine(input)) != null) {
                lineNumber++;
                if (isBlank(line)) {
                    continue;
                }
                if (ended) {
                    throw new RestoreRefusedException(lineNumber, "restore.malformed", "text after the end line");
                }
                Line parsed = parse(line, lineNumber);
                switch (parsed.kind) {
                    case "header" -> {
                        if (!LedgerExport.FORMAT.equals(parsed.format)) {
                            throw new RestoreRefusedException(lineNumber, "restore.malformed",
                                    "not a ledger export of format " + LedgerExport.FORMAT);
                        }
                    }
                    case "event" -> {
                        if (!seals.isEmpty()) {
                            throw new RestoreRefusedException(lineNumber, "restore.malformed",
                                    "an event after the seals");
                        }
                        StoredEvent event = parsed.event();
                        VerificationReport.Broken broken = chain.accept(event);
                        if (broken != null) {
                            throw new RestoreRefusedException(lineNumber, "restore." + broken.problem(),
                                    "event at position " + event.position() + " (" + event.aggregateId() + " #"
                                            + event.sequence() + "): " + broken.detail());
                        }
                        merkle.add(event.hash());
                        maxPosition = event.position();
                        bind(insert, event);
                        insert.addBatch();
                        if (++batched % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                    case "seal" -> seals.add(parsed.seal());
                    case "end" -> {
                        ended = true;
                        if (parsed.events != merkle.count() || parsed.seals != seals.size()
                                || !merkle.root().equals(parsed.digest)) {
                            throw new RestoreRefusedException(lineNumber, "restore.incomplete", "the end line says "
                                    + parsed.events + " events, " + parsed.seals + " seals and digest " + parsed.digest
                                    + "; the file holds " + merkle.count() + " events, " + seals.size()
                                    + " seals and digest " + merkle.root());
                        }
                    }
                    default -> throw new RestoreRefusedException(lineNumber, "restore.malformed",
                            "unknown kind of line: " + parsed.kind);
                }
            }
            insert.executeBatch();
        }
        if (!ended) {
            throw new RestoreRefusedException(0, "restore.incomplete", "the file has no end line: it was cut short");
        }
        for (Seal seal : seals) {
            SealStore.insert(connection, seal);
        }
        VerificationReport verification = new LedgerVerifier().verify(connection);
        if (!verification.verified()) {
            throw new RestoreRefusedException(0, "restore." + verification.broken().problem(),
                    "the restored ledger does not verify: " + verification.broken().detail());
        }
        if (clearTokens) {
            try (Statement delete = connection.createStatement()) {
                delete.executeUpdate("DELETE FROM token_entry");
            }
        }
        continuePositionsAfter(connection, maxPosition);
        return new RestoreReport(merkle.count(), seals.size(), verification);
    }

    /** The next append takes the position after the last restored one (explicit inserts do not move the identity). */
    private static void continuePositionsAfter(Connection connection, long maxPosition) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        try (Statement statement = connection.createStatement()) {
            if (product.contains("postgres")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                        + Math.max(1, maxPosition) + ", " + (maxPosition > 0) + ")");
            } else {
                // H2 commits DDL at once: this runs last, after every check has passed.
                statement.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index RESTART WITH "
                        + (maxPosition + 1));
            }
        }
    }

    private static void bind(PreparedStatement insert, StoredEvent e) throws SQLException {
        insert.setLong(1, e.position());
        insert.setString(2, e.eventId());
        insert.setString(3, e.aggregateId());
        insert.setLong(4, e.sequence());
        insert.setString(5, e.aggregateType());
        insert.setString(6, e.timestamp());
        insert.setString(7, e.payloadType());
        insert.setString(8, e.payloadRevision());
        insert.setBytes(9, e.payload());
        insert.setBytes(10, e.metaData());
        insert.setString(11, e.hash());
        insert.setString(12, e.previousHash());
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One line of the file, with payload and metadata kept as the exact bytes they were exported as. */
    private static final class Line {
        String kind;
        String format;
        Long position;
        String aggregateType;
        String aggregateId;
        Long sequence;
        String eventId;
        String type;
        String revision;
        String timestamp;
        byte[] payload;
        byte[] metadata;
        String hash;
        String previousHash;
        long events;
        int seals;
        String digest;
        String root;
        String previousRoot;
        String sealedAt;
        String ledgerId;
        String keyId;
        String signature;
        final long number;

        Line(long number) {
            this.number = number;
        }

        StoredEvent event() throws RestoreRefusedException {
            if (position == null || aggregateId == null || sequence == null || eventId == null || type == null
                    || timestamp == null || payload == null) {
                throw new RestoreRefusedException(number, "restore.malformed", "an event line needs position, "
                        + "aggregateId, sequence, eventId, type, timestamp and payload");
            }
            return new StoredEvent(position, eventId, aggregateId, sequence, aggregateType, timestamp, type, revision,
                    payload, metadata, hash, previousHash);
        }

        Seal seal() throws RestoreRefusedException {
            if (position == null || root == null || previousRoot == null || sealedAt == null) {
                throw new RestoreRefusedException(number, "restore.malformed",
                        "a seal line needs position, events, root, previousRoot and sealedAt");
            }
            try {
                return new Seal(position, events, root, previousRoot, Instant.parse(sealedAt), ledgerId, keyId,
                        signature);
            } catch (RuntimeException e) {
                throw new RestoreRefusedException(number, "restore.malformed", "sealedAt is not a UTC time");
            }
        }
    }

    private Line parse(byte[] bytes, long number) throws RestoreRefusedException {
        Line line = new Line(number);
        try (JsonParser p = json.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RestoreRefusedException(number, "restore.malformed", "a line must be a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "payload" -> line.payload = rawJson(p, bytes, value, number);
                    case "metadata" -> line.metadata = rawJson(p, bytes, value, number);
                    case "payloadBase64" -> line.payload = base64(p, number);
                    case "metadataBase64" -> line.metadata = base64(p, number);
                    case "position" -> line.position = p.getLongValue();
                    case "sequence" -> line.sequence = p.getLongValue();
                    case "events" -> line.events = p.getLongValue();
                    case "seals" -> line.seals = p.getIntValue();
                    default -> {
                        if (value.isStructStart()) {
                            p.skipChildren();
                        }
                        String text = value == JsonToken.VALUE_NULL ? null : p.getString();
                        switch (name) {
                            case "kind" -> line.kind = text;
                            case "format" -> line.format = text;
                            case "aggregateType" -> line.aggregateType = text;
                            case "aggregateId" -> line.aggregateId = text;
                            case "eventId" -> line.eventId = text;
                            case "type" -> line.type = text;
                            case "revision" -> line.revision = text;
                            case "timestamp" -> line.timestamp = text;
                            case "hash" -> line.hash = text;
                            case "previousHash" -> line.previousHash = text;
                            case "digest" -> line.digest = text;
                            case "root" -> line.root = text;
                            case "previousRoot" -> line.previousRoot = text;
                            case "sealedAt" -> line.sealedAt = text;
                            case "ledgerId" -> line.ledgerId = text;
                            case "keyId" -> line.keyId = text;
                            case "signature" -> line.signature = text;
                            default -> {
                                // other fields (e.g. exportedAt) are informative only
                            }
                        }
                    }
                }
            }
        } catch (JacksonException e) {
            throw new RestoreRefusedException(number, "restore.malformed", "not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (line.kind == null) {
            throw new RestoreRefusedException(number, "restore.malformed", "a line without a kind");
        }
        return line;
    }

    private static byte[] rawJson(JsonParser p, byte[] line, JsonToken value, long number)
            throws RestoreRefusedException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new RestoreRefusedException(number, "restore.malformed", "payload and metadata must be JSON objects");
        }
        int start = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getByteOffset();
        return Arrays.copyOfRange(line, start, end);
    }

    private static byte[] base64(JsonParser p, long number) throws RestoreRefusedException {
        try {
            return Base64.getDecoder().decode(p.getString());
        } catch (IllegalArgumentException e) {
            throw new RestoreRefusedException(number, "restore.malformed", "not base64");
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The next line without its end-of-line, or null at the end of the stream. */
    private static byte[] readLine(BufferedInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        return any ? line.toByteArray() : null;
    }
}
