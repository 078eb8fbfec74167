package coop.ledger.audit;

import coop.ledger.shared.web.Refusable;
import coop.ledger.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** A restore file that cannot be restored as it is; nothing of it was written. */
class RestoreRefusedException extends Exception implements Refusable {

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

    /** 409 when the ledger is not empty, 422 when the file does not verify; naming the rule and the line. */
    @Override
    public Refusal refusal() {
        Refusal refusal = rule.equals("restore.not-empty")
                ? Refusal.of(HttpStatus.CONFLICT, "ledger-not-empty", "Ledger not empty", getMessage())
                : Refusal.of(HttpStatus.UNPROCESSABLE_CONTENT, "restore-refused", "Restore refused", getMessage());
        refusal = refusal.withRule(rule);
        return line > 0 ? refusal.withProperty("line", line) : refusal;
    }
}
