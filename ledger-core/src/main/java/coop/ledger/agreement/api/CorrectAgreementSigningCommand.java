package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Correct the recorded signing of an agreement (title, signing date, place, occasion). {@code correctsSequence}
 * cites the signing or a correction of it; null cites the latest of them. Fields left null keep their value.
 */
public record CorrectAgreementSigningCommand(
        @TargetAggregateIdentifier String agreementId,
        Long correctsSequence,
        String title,
        LocalDate signedOn,
        String place,
        String occasion,
        String reason,
        Long expectedVersion) {
}
