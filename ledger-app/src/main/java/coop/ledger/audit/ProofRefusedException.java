package coop.ledger.audit;

import coop.ledger.shared.web.Refusable;
import coop.ledger.shared.web.Refusal;
import org.springframework.http.HttpStatus;

/** A proof or kept-seal check that cannot be answered as asked: a bad parameter (400) or a ledger that no longer
 * matches its own tree (409, run the verification). */
class ProofRefusedException extends RuntimeException implements Refusable {

    private final String field;

    private ProofRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** 400 naming the parameter or body field. */
    static ProofRefusedException invalid(String field, String message) {
        return new ProofRefusedException(field, field + ": " + message);
    }

    /** 409: the stored events do not form the sealed tree; the verification names what is wrong. */
    static ProofRefusedException inconsistent(String message) {
        return new ProofRefusedException(null, message);
    }

    @Override
    public Refusal refusal() {
        if (field == null) {
            return Refusal.of(HttpStatus.CONFLICT, "ledger-inconsistent", "Ledger does not match its seals",
                    getMessage() + "; GET /api/audit/verification names what is wrong");
        }
        return Refusal.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", getMessage())
                .withError(field, getMessage());
    }
}
