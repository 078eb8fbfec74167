package coop.ledger.programme;

import coop.ledger.shared.Provenance;
import io.swagger.v3.oas.annotations.media.Schema;
import coop.ledger.programme.api.CompleteServiceItemCommand;
import coop.ledger.programme.api.CorrectServiceItemCommand;
import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.programme.api.ListServiceItemCommand;
import coop.ledger.programme.api.ReopenServiceItemCommand;
import coop.ledger.programme.api.WithdrawServiceItemCommand;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.web.WriteContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the programme endpoints, each with its mapping to the command it asks for. The controller and
 * the importer both map through these, so a request and an imported row become the same command. Ids left out are
 * chosen by the ledger, from the write's Idempotency-Key when it has one.
 */
final class ProgrammeRequests {

    /** The shape of a period; that a span does not end before it starts is a rule of the programme. */
    static final String PERIOD = "\\s*[0-9]{4}(-[0-9]{4})?\\s*";
    static final String PERIOD_MESSAGE = "must be a year such as 2021 or a span of years such as 2020-2022";

    private ProgrammeRequests() {
    }

    record Declare(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String id,
            @NotBlank @Size(max = 500) String name,
            @NotNull @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> participants,
            @NotBlank @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE) String period,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> categories,
            @NotNull LocalDate declaredOn,
            @Size(max = 4000) String note,
            Provenance provenance) {

        DeclareProgrammeCommand toCommand(WriteContext context) {
            return new DeclareProgrammeCommand(id != null ? id : context.newRecordId(), name, participants, period,
                    categories, declaredOn, note, provenance);
        }
    }

    @Schema(name = "ServiceItemListing")
    record ListItem(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String itemId,
            @NotBlank @Size(max = 2000) String name,
            @Size(max = 100) String category,
            @Size(max = 50) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> responsibleParties,
            LocalDate targetOn,
            Boolean addedLater,
            Integer itemCount,
            @NotNull LocalDate listedOn,
            @Size(max = 4000) String note,
            @Schema(description = "true: the item stands for the known part of a list whose size the source does "
                    + "not give (e.g. only '已完成155项'); the programme then shows no completion rate")
            Boolean listSizeUnknown) {

        ListServiceItemCommand toCommand(String programmeId, WriteContext context) {
            return new ListServiceItemCommand(programmeId, itemId != null ? itemId : context.newRecordId(), name,
                    category, responsibleParties, targetOn, addedLater, itemCount, listedOn, note,
                    context.expectedVersion(), listSizeUnknown);
        }
    }

    @Schema(name = "ServiceItemCompletion")
    record CompleteItem(@NotNull LocalDate completedOn, @NotBlank @Size(max = 4000) String evidence) {

        CompleteServiceItemCommand toCommand(String programmeId, String itemId, WriteContext context) {
            return new CompleteServiceItemCommand(programmeId, itemId, completedOn, evidence,
                    context.expectedVersion());
        }
    }

    record WithdrawItem(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 4000) String reason) {

        WithdrawServiceItemCommand toCommand(String programmeId, String itemId, WriteContext context) {
            return new WithdrawServiceItemCommand(programmeId, itemId, withdrawnOn, reason, context.expectedVersion());
        }
    }

    record ReopenItem(@NotNull LocalDate reopenedOn, @NotBlank @Size(max = 4000) String reason) {

        ReopenServiceItemCommand toCommand(String programmeId, String itemId, WriteContext context) {
            return new ReopenServiceItemCommand(programmeId, itemId, reopenedOn, reason, context.expectedVersion());
        }
    }

    /** A correction of an item's listing: the values that were recorded wrongly (leave the others out) and why. */
    record CorrectItem(
            Long correctsSequence,
            Integer itemCount,
            LocalDate targetOn,
            @Size(max = 200) String category,
            @NotBlank @Size(max = 4000) String reason) {

        CorrectServiceItemCommand toCommand(String programmeId, String itemId, WriteContext context) {
            return new CorrectServiceItemCommand(programmeId, itemId, correctsSequence, itemCount, targetOn, category,
                    reason, context.expectedVersion());
        }
    }
}
