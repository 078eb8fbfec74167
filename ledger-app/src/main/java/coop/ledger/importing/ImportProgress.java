package coop.ledger.importing;

/** Told after every row of an import, so a command line can show how far a large file has come. */
@FunctionalInterface
interface ImportProgress {

    ImportProgress NONE = (rowsDone, rejected) -> {
    };

    void rowDone(long rowsDone, long rejected);
}
