package coop.ledger.shared.query;

/** Which page of a list to read: 0-based {@code page}, {@code size} rows, ordered by a checked SQL expression. */
public record PageRequest(int page, int size, String orderBy) {

    public int offset() {
        return page * size;
    }
}
