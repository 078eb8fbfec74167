package coop.ledger.importing;

/**
 * Told after every row of an import, so a command line or an import job can show how far a large file has come;
 * and after every batch that committed, so a job interrupted later can say how many rows are in the ledger.
 */
@FunctionalInterface
interface ImportProgress {

    ImportProgress NONE = (rowsDone, rejected) -> {
    };

    void rowDone(long rowsDone, long rejected);

    /** The first {@code rowsDone} rows of the file are committed: whatever happens next, they are kept. */
    default void committed(long rowsDone) {
    }
}
