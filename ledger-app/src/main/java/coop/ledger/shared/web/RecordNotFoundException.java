package coop.ledger.shared.web;

/** A read asked for a record the ledger does not hold; answered with 404. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String kind, String id) {
        super("no " + kind + " with id " + id);
    }
}
