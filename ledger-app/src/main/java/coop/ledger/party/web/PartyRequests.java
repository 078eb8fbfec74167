package coop.ledger.party.web;

import coop.ledger.party.api.PartyKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the party endpoints. */
final class PartyRequests {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String CODE_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private PartyRequests() {
    }

    record Register(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull PartyKind kind,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String parentCode,
            LocalDate establishedOn) {
    }

    record Rename(
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull LocalDate effectiveOn,
            @Size(max = 2000) String reason) {
    }
}
