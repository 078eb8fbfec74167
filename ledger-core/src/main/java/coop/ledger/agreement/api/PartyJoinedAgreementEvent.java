package coop.ledger.agreement.api;

import java.time.LocalDate;

/** A party joined an agreement after its signing. */
public record PartyJoinedAgreementEvent(
        String agreementId,
        String partyCode,
        ParticipantRole role,
        LocalDate joinedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return joinedOn;
    }
}
