package coop.ledger.importing;

/**
 * How fast an import goes and when it will be done: the rows done over the time since it started, and the rows
 * left at that rate. One definition for the command line's progress lines and the import job's status.
 *
 * @param rowsPerSecond rows done per second since the start, one decimal
 * @param etaSeconds    seconds left at that rate; null while nothing is done yet (no rate to go by)
 */
record ImportRate(double rowsPerSecond, Long etaSeconds) {

    static ImportRate of(long rowsDone, long rowsTotal, long elapsedMillis) {
        double seconds = Math.max(elapsedMillis, 1) / 1000.0;
        double rate = Math.round(Math.max(0, rowsDone) / seconds * 10) / 10.0;
        Long eta = rate > 0 ? Math.round(Math.max(0, rowsTotal - rowsDone) / rate) : null;
        return new ImportRate(rate, eta);
    }
}
