package coop.ledger.party;

import coop.ledger.party.api.PartyKind;
import coop.ledger.shared.RecordIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the party endpoints. */
final class PartyRequests {

    private PartyRequests() {
    }

    record Register(
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String code,
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull PartyKind kind,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String parentCode,
            LocalDate establishedOn) {
    }

    record Rename(
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull LocalDate effectiveOn,
            @Size(max = 2000) String reason) {
    }
}
