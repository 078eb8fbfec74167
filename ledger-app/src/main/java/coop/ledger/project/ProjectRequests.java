package coop.ledger.project;

import io.swagger.v3.oas.annotations.media.Schema;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.RecordIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the signed-project endpoints. Ids left out are chosen by the ledger. */
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
            @Size(max = 4000) String note) {
    }

    record FirmUp(@NotNull LocalDate firmedUpOn, Money agreedInvestment) {
    }

    record Start(@NotNull LocalDate startedOn) {
    }

    record Complete(@NotNull LocalDate completedOn) {
    }

    record Cancel(@NotNull LocalDate cancelledOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record Investment(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String reportId,
            @NotNull Money amount,
            @NotNull LocalDate reportedOn,
            @Size(max = 2000) String note) {
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
            @NotBlank @Size(max = 4000) String reason) {
    }

    /** A correction of an investment report. */
    record CorrectInvestment(
            Long correctsSequence,
            Money amount,
            LocalDate reportedOn,
            @NotBlank @Size(max = 4000) String reason) {
    }
}
