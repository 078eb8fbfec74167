package coop.ledger.audit;

/** A restore file that cannot be restored as it is; nothing of it was written. */
public class RestoreRefusedException extends Exception {

    private final long line;
    private final String rule;

    public RestoreRefusedException(long line, String rule, String message) {
        super((line > 0 ? "line " + line + ": " : "") + message);
        this.line = line;
        this.rule = rule;
    }

    /** The file's line (from 1) that was refused; 0 for the file as a whole. */
    public long line() {
        return line;
    }

    /** e.g. {@code restore.not-empty}, {@code restore.hash-mismatch}, {@code restore.malformed}. */
    public String rule() {
        return rule;
    }
}
