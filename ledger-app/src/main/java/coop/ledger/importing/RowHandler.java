package coop.ledger.importing;

import java.util.Map;

/**
 * Records the import rows of some kinds through the same controller methods the REST API uses, so an imported
 * row obeys exactly the rules and validation of a request. Each concept's web package provides one.
 */
public interface RowHandler {

    /** The row kinds this handler records, each with the field naming its parent record ("" for none). */
    Map<String, String> kinds();

    /** Records the row; every write goes through {@code writer} so that importing a file twice records it once. */
    void record(ImportRow row, RowWriter writer);
}
