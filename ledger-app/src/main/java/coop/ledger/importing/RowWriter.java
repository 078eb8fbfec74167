package coop.ledger.importing;

import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;

/**
 * What a {@link RowHandler} needs to record one row: request bodies read and validated as the REST API would, and
 * write contexts whose Idempotency-Key is derived from the row's content, so a re-imported row is answered from
 * the first import and records nothing.
 */
public final class RowWriter {

    private final ImportRow row;
    private final String recordedBy;
    private final JsonMapper json;
    private final Validator validator;
    private int recorded;
    private int replayed;
    /** The row's fields as the key hashes them, written once per row (a row of several writes needs them each time). */
    private byte[] fieldBytes;

    RowWriter(ImportRow row, String recordedBy, JsonMapper json, Validator validator) {
        this.row = row;
        this.recordedBy = recordedBy;
        this.json = json;
        this.validator = validator;
    }

    /** Reads the row's fields, except those named, as a request body, validated like {@code @Valid}. */
    public <T> T read(Class<T> type, String... excluded) {
        return read(row.fields().deepCopy().without(Set.of(excluded)), type);
    }

    /** Reads the given fields as a request body, validated like {@code @Valid}. */
    public <T> T read(ObjectNode fields, Class<T> type) {
        T body;
        try {
            body = json.treeToValue(fields, type);
        } catch (UnrecognizedPropertyException e) {
            throw new RowRejectedException(e.getPropertyName(), "is not a known field of a " + row.kind() + " row");
        } catch (JacksonException e) {
            throw new RowRejectedException(pathOf(e), readableReason(e));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException("row", e.getMessage());
        }
        validator.validate(body).stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new RowRejectedException(v.getPropertyPath().toString(), v.getMessage());
                });
        return body;
    }

    /** Only the named fields of the row (those present). */
    public ObjectNode only(String... fields) {
        ObjectNode copy = json.createObjectNode();
        for (String field : fields) {
            if (row.fields().has(field)) {
                copy.set(field, row.fields().get(field));
            }
        }
        return copy;
    }

    /** The context of one write of this row; {@code step} tells the writes of one row apart. */
    public WriteContext context(String step) {
        return new WriteContext(recordedBy, null, idempotencyKey(step));
    }

    /** Counts a write's outcome: recorded now, or answered from an earlier import. */
    public void wrote(WriteResult result) {
        if (result.replayed()) {
            replayed++;
        } else {
            recorded++;
        }
    }

    /** The parent record's id, which a child row must name. */
    public String parentId(String field) {
        String id = row.text(field);
        if (id == null || id.isBlank()) {
            throw new RowRejectedException(field, "must name the record this " + row.kind() + " row belongs to");
        }
        return id;
    }

    boolean recordedSomething() {
        return recorded > 0;
    }

    boolean replayedSomething() {
        return replayed > 0;
    }

    private String idempotencyKey(String step) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((row.kind() + "\n" + step + "\n").getBytes(StandardCharsets.UTF_8));
            if (fieldBytes == null) {
                fieldBytes = json.writeValueAsBytes(row.fields());
            }
            sha.update(fieldBytes);
            return "import:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The value's own complaint (e.g. which kinds exist) when there is one; never a Java class name. */
    private static String readableReason(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        String message = String.valueOf(e.getOriginalMessage());
        return "cannot be read" + (message.contains("`") ? "" : ": " + message);
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "row" : path.toString();
    }
}
