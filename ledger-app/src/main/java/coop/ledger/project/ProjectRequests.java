package coop.ledger.project;

import coop.ledger.shared.Provenance;
import io.swagger.v3.oas.annotations.media.Schema;
import coop.ledger.project.api.CancelProjectCommand;
import coop.ledger.project.api.CompleteProjectCommand;
import coop.ledger.project.api.CorrectInvestmentReportCommand;
import coop.ledger.project.api.CorrectProjectCommand;
import coop.ledger.project.api.FirmUpProjectCommand;
import coop.ledger.project.api.ReportInvestmentCommand;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.project.api.StartProjectConstructionCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.web.WriteContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the signed-project endpoints, each with its mapping to the command it asks for. The controller
 * and the importer both map through these, so a request and an imported row become the same command. Ids left out
 * are chosen by the ledger, from the write's Idempotency-Key when it has one.
 */
final class ProjectRequests {

    private ProjectRequests() {
    }

    @Schema(name = "ProjectSigning")
    record Sign(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String id,
            @NotBlank @Size(max = 500) String name,
            @NotEmpty @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> investors,
            @NotEmpty @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> hostParties,
            @Size(max = 200) String occasion,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String agreementId,
            @NotNull CooperationDomain domain,
            Money agreedInvestment,
            @NotNull LocalDate signedOn,
            Boolean intention,
            Integer projectCount,
            @Size(max = 4000) String note,
            @Schema(description = "total planned investment (总投资) where the source gives that instead of, or "
                    + "beside, the agreed investment; never added to it") Money plannedInvestment,
            Provenance provenance) {

        SignProjectCommand toCommand(WriteContext context) {
            return new SignProjectCommand(id != null ? id : context.newRecordId(), name, investors, hostParties,
                    occasion, agreementId, domain, agreedInvestment, signedOn, Boolean.TRUE.equals(intention),
                    projectCount, note, plannedInvestment, provenance);
        }
    }

    record FirmUp(@NotNull LocalDate firmedUpOn, Money agreedInvestment) {

        FirmUpProjectCommand toCommand(String projectId, WriteContext context) {
            return new FirmUpProjectCommand(projectId, firmedUpOn, agreedInvestment, context.expectedVersion());
        }
    }

    record Start(@NotNull LocalDate startedOn) {

        StartProjectConstructionCommand toCommand(String projectId, WriteContext context) {
            return new StartProjectConstructionCommand(projectId, startedOn, context.expectedVersion());
        }
    }

    record Complete(@NotNull LocalDate completedOn) {

        CompleteProjectCommand toCommand(String projectId, WriteContext context) {
            return new CompleteProjectCommand(projectId, completedOn, context.expectedVersion());
        }
    }

    record Cancel(@NotNull LocalDate cancelledOn, @NotBlank @Size(max = 4000) String reason) {

        CancelProjectCommand toCommand(String projectId, WriteContext context) {
            return new CancelProjectCommand(projectId, cancelledOn, reason, context.expectedVersion());
        }
    }

    record Investment(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String reportId,
            @NotNull Money amount,
            @NotNull LocalDate reportedOn,
            @Size(max = 2000) String note) {

        ReportInvestmentCommand toCommand(String projectId, WriteContext context) {
            return new ReportInvestmentCommand(projectId, reportId != null ? reportId : context.newRecordId(), amount,
                    reportedOn, note, context.expectedVersion());
        }
    }

    /** A correction of the recorded signing: the values that were recorded wrongly (leave the others out) and why. */
    record Correct(
            Long correctsSequence,
            Money agreedInvestment,
            LocalDate signedOn,
            @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> hostParties,
            @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> investors,
            @Size(max = 200) String occasion,
            CooperationDomain domain,
            Integer projectCount,
            @NotBlank @Size(max = 4000) String reason,
            @Schema(description = "total planned investment (总投资), corrected or given where the source states it; "
                    + "a kind of its own, never added to the agreed investment") Money plannedInvestment,
            @Schema(description = "true: the project has no agreed investment (协议投资). With plannedInvestment, "
                    + "moves an amount recorded as agreed investment to total planned investment")
            Boolean removeAgreedInvestment,
            @Schema(description = "true: the project has no total planned investment (总投资). With "
                    + "agreedInvestment, moves an amount recorded as planned investment to agreed investment")
            Boolean removePlannedInvestment) {

        CorrectProjectCommand toCommand(String projectId, WriteContext context) {
            return new CorrectProjectCommand(projectId, correctsSequence, agreedInvestment, signedOn, hostParties,
                    investors, occasion, domain, projectCount, reason, context.expectedVersion(), plannedInvestment,
                    Boolean.TRUE.equals(removeAgreedInvestment), Boolean.TRUE.equals(removePlannedInvestment));
        }
    }

    /** A correction of an investment report. */
    record CorrectInvestment(
            Long correctsSequence,
            Money amount,
            LocalDate reportedOn,
            @NotBlank @Size(max = 4000) String reason) {

        CorrectInvestmentReportCommand toCommand(String projectId, String reportId, WriteContext context) {
            return new CorrectInvestmentReportCommand(projectId, reportId, correctsSequence, amount, reportedOn,
                    reason, context.expectedVersion());
        }
    }
}
