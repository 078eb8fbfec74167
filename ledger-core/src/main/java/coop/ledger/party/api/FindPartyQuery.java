package coop.ledger.party.api;

/** Ask for the current state of one party; answered with a {@link coop.ledger.party.state.PartyState} or nothing. */
public record FindPartyQuery(String code) {
}
