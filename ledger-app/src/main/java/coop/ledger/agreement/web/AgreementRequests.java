package coop.ledger.agreement.web;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request bodies of the agreement endpoints. Ids left out are chosen by the ledger. */
final class AgreementRequests {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String ID_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private AgreementRequests() {
    }

    record Sign(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotBlank @Size(max = 500) String title,
            @NotNull AgreementKind kind,
            @NotNull @Size(max = 100) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> signatories,
            @Size(max = 100) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> observers,
            @NotNull LocalDate signedOn,
            @Size(max = 200) String place,
            @Size(max = 200) String occasion,
            @Size(max = 30) Set<@NotNull CooperationDomain> domains,
            @Size(max = 10000) String summary) {
    }

    record Join(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String partyCode,
            @NotNull ParticipantRole role,
            @NotNull LocalDate joinedOn) {
    }

    record Promote(@NotNull LocalDate promotedOn) {
    }

    record ListItem(
            @Pattern(regexp = ID, message = ID_MESSAGE) String itemId,
            @NotBlank @Size(max = 2000) String description,
            CooperationDomain domain,
            @Size(max = 50) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> responsibleParties,
            LocalDate dueOn,
            @NotNull LocalDate listedOn) {
    }

    record StartItem(@NotNull LocalDate startedOn) {
    }

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
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String supersededBy,
            @NotNull LocalDate supersededOn,
            @Size(max = 4000) String reason) {
    }

    record Expire(@NotNull LocalDate expiredOn) {
    }

    record Terminate(@NotNull LocalDate terminatedOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record Payment(
            @Pattern(regexp = ID, message = ID_MESSAGE) String paymentId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String payer,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String payee,
            @NotNull Money amount,
            @NotNull LocalDate paidOn,
            @Size(max = 2000) String purpose) {
    }
}
