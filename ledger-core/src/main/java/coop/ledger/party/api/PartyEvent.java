package coop.ledger.party.api;

import coop.ledger.shared.LedgerEvent;

/** A fact about a party. */
public interface PartyEvent extends LedgerEvent {

    String code();
}
