package coop.ledger.agreement.api;

/** Ask for the current state of one agreement. */
public record FindAgreementQuery(String agreementId) {
}
