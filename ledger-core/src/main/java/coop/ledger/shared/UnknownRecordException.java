package coop.ledger.shared;

import java.util.Map;

/** The command names a record (or a part of one, such as a cooperation-list item) that the ledger does not hold. */
public class UnknownRecordException extends RuleViolationException {

    public UnknownRecordException(String rule, String message, Map<String, ?> values) {
        super(rule, message, values);
    }
}
