package coop.ledger.processing;

import java.util.List;

/** Told about the changes of a projection batch once that batch has committed. */
interface ChangeListener {

    void committed(List<Change> changes);
}
