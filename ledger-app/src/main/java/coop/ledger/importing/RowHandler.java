package coop.ledger.importing;

import java.util.Map;

/**
 * Records the import rows of some kinds as the REST API records its requests: each row is read and validated as the
 * matching request body, mapped to its command by that body's own mapping, and sent through the
 * {@link coop.ledger.shared.write.CommandSender}. So an imported row obeys exactly the rules and validation of a
 * request. Each concept's slice provides one.
 */
public interface RowHandler {

    /** The row kinds this handler records, each with the field naming its parent record ("" for none). */
    Map<String, String> kinds();

    /** Records the row; every write goes through {@code writer} so that importing a file twice records it once. */
    void record(ImportRow row, RowWriter writer);
}
