package coop.ledger.agreement;

import io.swagger.v3.oas.annotations.media.Schema;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.RecordIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request bodies of the agreement endpoints. Ids left out are chosen by the ledger. */
final class AgreementRequests {

    private AgreementRequests() {
    }

    @Schema(name = "AgreementSigning")
    record Sign(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String id,
            @NotBlank @Size(max = 500) String title,
            @NotNull AgreementKind kind,
            @NotNull @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> signatories,
            @Size(max = 100) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> observers,
            @NotNull LocalDate signedOn,
            @Size(max = 200) String place,
            @Size(max = 200) String occasion,
            @Size(max = 30) Set<@NotNull CooperationDomain> domains,
            @Size(max = 10000) String summary) {
    }

    record Join(
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String partyCode,
            @NotNull ParticipantRole role,
            @NotNull LocalDate joinedOn) {
    }

    record Promote(@NotNull LocalDate promotedOn) {
    }

    @Schema(name = "CooperationItemListing")
    record ListItem(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String itemId,
            @NotBlank @Size(max = 2000) String description,
            CooperationDomain domain,
            @Size(max = 50) List<@NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String> responsibleParties,
            LocalDate dueOn,
            @NotNull LocalDate listedOn,
            @Positive @Max(100000) Integer itemCount,
            @Size(max = 2000) String note) {
    }

    record StartItem(@NotNull LocalDate startedOn) {
    }

    @Schema(name = "CooperationItemCompletion")
    record CompleteItem(@NotNull LocalDate completedOn, @NotBlank @Size(max = 4000) String evidence) {
    }

    record DropItem(@NotNull LocalDate droppedOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record Amend(
            @NotNull LocalDate amendedOn,
            @Size(max = 500) String title,
            @Size(max = 10000) String summary,
            @Size(max = 30) Set<@NotNull CooperationDomain> domains,
            @NotBlank @Size(max = 4000) String description,
            @NotBlank @Size(max = 4000) String reason) {
    }

    record Supersede(
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String supersededBy,
            @NotNull LocalDate supersededOn,
            @Size(max = 4000) String reason) {
    }

    record Expire(@NotNull LocalDate expiredOn) {
    }

    record Terminate(@NotNull LocalDate terminatedOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record Payment(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String paymentId,
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payer,
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payee,
            @NotNull Money amount,
            @NotNull LocalDate paidOn,
            @Size(max = 2000) String purpose) {
    }

    /** A payment correction: the values that were recorded wrongly (leave the others out) and why. */
    record CorrectPayment(
            Long correctsSequence,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payer,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payee,
            Money amount,
            LocalDate paidOn,
            @NotBlank @Size(max = 4000) String reason) {
    }

    /** A signing correction: the values that were recorded wrongly (leave the others out) and why. */
    record CorrectSigning(
            Long correctsSequence,
            @Size(max = 500) String title,
            LocalDate signedOn,
            @Size(max = 200) String place,
            @Size(max = 200) String occasion,
            @NotBlank @Size(max = 4000) String reason) {
    }
}
