package coop.ledger.processing;

import java.util.List;

/** The projection tables one concept slice owns, emptied by a reset before a replay rebuilds them. */
public interface ReadModelTables {

    /** The slice's tables, each link table before the table it belongs to. */
    List<String> tables();
}
