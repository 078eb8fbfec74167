package coop.ledger.agreement.api;

import coop.ledger.shared.LedgerEvent;

/** A fact about a cooperation agreement. */
public interface AgreementEvent extends LedgerEvent {

    String agreementId();
}
