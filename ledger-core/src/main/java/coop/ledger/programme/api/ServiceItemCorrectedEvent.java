package coop.ledger.programme.api;

import coop.ledger.shared.Correction;

import java.time.LocalDate;

/**
 * The recorded listing of a programme item was corrected (更正): item count, target date or category had been
 * recorded wrongly. Fields left null did not change; {@code businessDate} is the item's listing date.
 */
public record ServiceItemCorrectedEvent(
        String programmeId,
        String itemId,
        long correctsSequence,
        Integer itemCount,
        LocalDate targetOn,
        String category,
        String reason,
        LocalDate businessDate) implements ProgrammeEvent, Correction {
}
