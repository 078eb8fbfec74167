package coop.ledger.importing;

import tools.jackson.databind.node.ObjectNode;

/**
 * One row of an import file: the line it starts on, its place in the file (e.g. {@code agreements[3].items[1]}),
 * its kind (party, agreement, agreement-item, ...) and its fields, named as in the REST request bodies.
 */
public record ImportRow(long line, String path, String kind, ObjectNode fields) {

    /** The text of a field, or null when it is missing or not text. */
    public String text(String field) {
        return fields.hasNonNull(field) && fields.get(field).isString() ? fields.get(field).asString() : null;
    }

    public boolean has(String field) {
        return fields.hasNonNull(field);
    }
}
