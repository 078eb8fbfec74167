package coop.ledger.party;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.party.api.RenamePartyCommand;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.web.WriteContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Request bodies of the party endpoints, each with its mapping to the command it asks for. The controller and the
 * importer both map through these, so a request and an imported row become the same command.
 */
final class PartyRequests {

    private PartyRequests() {
    }

    record Register(
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String code,
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull PartyKind kind,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String parentCode,
            LocalDate establishedOn,
            Provenance provenance) {

        RegisterPartyCommand toCommand() {
            return new RegisterPartyCommand(code, nameZh, nameEn, kind, parentCode, establishedOn, provenance);
        }
    }

    record Rename(
            @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn,
            @NotNull LocalDate effectiveOn,
            @Size(max = 2000) String reason) {

        RenamePartyCommand toCommand(String code, WriteContext context) {
            return new RenamePartyCommand(code, nameZh, nameEn, effectiveOn, reason, context.expectedVersion());
        }
    }
}
