package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A party joins an agreement after its signing, as signatory or observer. */
public record JoinAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        String partyCode,
        ParticipantRole role,
        LocalDate joinedOn,
        Long expectedVersion) {
}
