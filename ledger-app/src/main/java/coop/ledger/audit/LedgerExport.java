package coop.ledger.audit;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes the whole ledger as NDJSON, streamed row by row from the database: a header line, one line per event in
 * global-position order, one per seal, and an end line with the counts and the digest. Payload and metadata are
 * written as the JSON they are, byte for byte as stored (so their hashes can be checked from the file); should a
 * stored value not be single-line JSON, it is written as {@code payloadBase64} / {@code metadataBase64} instead.
 */
final class LedgerExport {

    public static final String FORMAT = "cooperation-ledger-export/1";

    private final JsonMapper json;

    public LedgerExport(JsonMapper json) {
        this.json = json;
    }

    /** Writes the export of the ledger behind {@code connection} to {@code out}; returns the number of events. */
    public long write(Connection connection, OutputStream out, Instant exportedAt) throws SQLException, IOException {
        line(out, g -> {
            g.writeStringProperty("kind", "header");
            g.writeStringProperty("format", FORMAT);
            g.writeStringProperty("exportedAt", exportedAt.toString());
        });
        MerkleRoot merkle = new MerkleRoot();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry ORDER BY global_index")) {
            select.setFetchSize(200);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEvent e = StoredEvent.read(rs);
                    line(out, g -> event(g, e));
                    if (e.hash() != null && e.hash().matches("[0-9a-f]{64}")) {
                        merkle.add(e.hash());
                    }
                }
            }
        }
        int seals = 0;
        for (Seal seal : SealStore.all(connection)) {
            seals++;
            line(out, g -> {
                g.writeStringProperty("kind", "seal");
                g.writeNumberProperty("position", seal.position());
                g.writeNumberProperty("events", seal.events());
                g.writeStringProperty("root", seal.root());
                g.writeStringProperty("previousRoot", seal.previousRoot());
                g.writeStringProperty("sealedAt", seal.sealedAt().toString());
                if (seal.signed()) {
                    // the signature and the names it covers; never the private key, which is not in the database
                    g.writeStringProperty("ledgerId", seal.ledgerId());
                    g.writeStringProperty("keyId", seal.keyId());
                    g.writeStringProperty("signature", seal.signature());
                }
            });
        }
        int sealCount = seals;
        line(out, g -> {
            g.writeStringProperty("kind", "end");
            g.writeNumberProperty("events", merkle.count());
            g.writeNumberProperty("seals", sealCount);
            g.writeStringProperty("digest", merkle.root());
        });
        out.flush();
        return merkle.count();
    }

    private void event(JsonGenerator g, StoredEvent e) {
        g.writeStringProperty("kind", "event");
        g.writeNumberProperty("position", e.position());
        g.writeStringProperty("aggregateType", e.aggregateType());
        g.writeStringProperty("aggregateId", e.aggregateId());
        g.writeNumberProperty("sequence", e.sequence());
        g.writeStringProperty("eventId", e.eventId());
        g.writeStringProperty("type", e.payloadType());
        g.writeStringProperty("revision", e.payloadRevision());
        g.writeStringProperty("timestamp", e.timestamp());
        rawJson(g, "payload", e.payload());
        rawJson(g, "metadata", e.metaData());
        g.writeStringProperty("hash", e.hash());
        g.writeStringProperty("previousHash", e.previousHash());
    }

    private void rawJson(JsonGenerator g, String name, byte[] bytes) {
        if (bytes == null) {
            g.writeNullProperty(name);
        } else if (isSingleLineJsonObject(bytes)) {
            g.writeName(name);
            g.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
        } else {
            g.writeStringProperty(name + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private boolean isSingleLineJsonObject(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != '{' || bytes[bytes.length - 1] != '}') {
            return false;
        }
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        try {
            return json.readTree(bytes).isObject()
                    && Arrays.equals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private interface LineWriter {
        void write(JsonGenerator generator);
    }

    private void line(OutputStream out, LineWriter writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.createGenerator(buffer)) {
            g.writeStartObject();
            writer.write(g);
            g.writeEndObject();
        }
        buffer.write('\n');
        buffer.writeTo(out);
    }
}
