package coop.ledger.agreement.api;

import coop.ledger.shared.Correction;

import java.time.LocalDate;

/**
 * The recorded signing of the agreement was corrected (更正): title, signing date, place or occasion had been
 * recorded wrongly. Fields left null did not change; {@code businessDate} is the corrected signing date.
 */
public record AgreementSigningCorrectedEvent(
        String agreementId,
        long correctsSequence,
        String title,
        LocalDate signedOn,
        String place,
        String occasion,
        String reason,
        LocalDate businessDate) implements AgreementEvent, Correction {
}
