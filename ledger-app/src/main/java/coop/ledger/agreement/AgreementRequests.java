package coop.ledger.agreement;

import coop.ledger.shared.Provenance;
import io.swagger.v3.oas.annotations.media.Schema;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AmendAgreementCommand;
import coop.ledger.agreement.api.CompleteCooperationItemCommand;
import coop.ledger.agreement.api.CorrectAgreementSigningCommand;
import coop.ledger.agreement.api.CorrectPaymentCommand;
import coop.ledger.agreement.api.DropCooperationItemCommand;
import coop.ledger.agreement.api.ExpireAgreementCommand;
import coop.ledger.agreement.api.JoinAgreementCommand;
import coop.ledger.agreement.api.ListCooperationItemCommand;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PromoteObserverCommand;
import coop.ledger.agreement.api.RecordPaymentCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.agreement.api.StartCooperationItemCommand;
import coop.ledger.agreement.api.SupersedeAgreementCommand;
import coop.ledger.agreement.api.TerminateAgreementCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.web.WriteContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Request bodies of the agreement endpoints, each with its mapping to the command it asks for. The controller and
 * the importer both map through these, so a request and an imported row become the same command. Ids left out are
 * chosen by the ledger, from the write's Idempotency-Key when it has one.
 */
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
            @Size(max = 10000) String summary,
            Provenance provenance) {

        SignAgreementCommand toCommand(WriteContext context) {
            return new SignAgreementCommand(id != null ? id : context.newRecordId(), title, kind, signatories,
                    observers, signedOn, place, occasion, domains, summary, provenance);
        }
    }

    record Join(
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String partyCode,
            @NotNull ParticipantRole role,
            @NotNull LocalDate joinedOn) {

        JoinAgreementCommand toCommand(String agreementId, WriteContext context) {
            return new JoinAgreementCommand(agreementId, partyCode, role, joinedOn, context.expectedVersion());
        }
    }

    record Promote(@NotNull LocalDate promotedOn) {

        PromoteObserverCommand toCommand(String agreementId, String partyCode, WriteContext context) {
            return new PromoteObserverCommand(agreementId, partyCode, promotedOn, context.expectedVersion());
        }
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

        ListCooperationItemCommand toCommand(String agreementId, WriteContext context) {
            return new ListCooperationItemCommand(agreementId, itemId != null ? itemId : context.newRecordId(),
                    description, domain, responsibleParties, dueOn, listedOn, itemCount, note,
                    context.expectedVersion());
        }
    }

    record StartItem(@NotNull LocalDate startedOn) {

        StartCooperationItemCommand toCommand(String agreementId, String itemId, WriteContext context) {
            return new StartCooperationItemCommand(agreementId, itemId, startedOn, context.expectedVersion());
        }
    }

    @Schema(name = "CooperationItemCompletion")
    record CompleteItem(@NotNull LocalDate completedOn, @NotBlank @Size(max = 4000) String evidence) {

        CompleteCooperationItemCommand toCommand(String agreementId, String itemId, WriteContext context) {
            return new CompleteCooperationItemCommand(agreementId, itemId, completedOn, evidence,
                    context.expectedVersion());
        }
    }

    record DropItem(@NotNull LocalDate droppedOn, @NotBlank @Size(max = 4000) String reason) {

        DropCooperationItemCommand toCommand(String agreementId, String itemId, WriteContext context) {
            return new DropCooperationItemCommand(agreementId, itemId, droppedOn, reason, context.expectedVersion());
        }
    }

    record Amend(
            @NotNull LocalDate amendedOn,
            @Size(max = 500) String title,
            @Size(max = 10000) String summary,
            @Size(max = 30) Set<@NotNull CooperationDomain> domains,
            @NotBlank @Size(max = 4000) String description,
            @NotBlank @Size(max = 4000) String reason) {

        AmendAgreementCommand toCommand(String agreementId, WriteContext context) {
            return new AmendAgreementCommand(agreementId, amendedOn, title, summary, domains, description, reason,
                    context.expectedVersion());
        }
    }

    record Supersede(
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String supersededBy,
            @NotNull LocalDate supersededOn,
            @Size(max = 4000) String reason) {

        SupersedeAgreementCommand toCommand(String agreementId, WriteContext context) {
            return new SupersedeAgreementCommand(agreementId, supersededBy, supersededOn, reason,
                    context.expectedVersion());
        }
    }

    record Expire(@NotNull LocalDate expiredOn) {

        ExpireAgreementCommand toCommand(String agreementId, WriteContext context) {
            return new ExpireAgreementCommand(agreementId, expiredOn, context.expectedVersion());
        }
    }

    record Terminate(@NotNull LocalDate terminatedOn, @NotBlank @Size(max = 4000) String reason) {

        TerminateAgreementCommand toCommand(String agreementId, WriteContext context) {
            return new TerminateAgreementCommand(agreementId, terminatedOn, reason, context.expectedVersion());
        }
    }

    record Payment(
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String paymentId,
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payer,
            @NotBlank @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payee,
            @NotNull Money amount,
            @NotNull LocalDate paidOn,
            @Size(max = 2000) String purpose) {

        RecordPaymentCommand toCommand(String agreementId, WriteContext context) {
            return new RecordPaymentCommand(agreementId, paymentId != null ? paymentId : context.newRecordId(),
                    payer, payee, amount, paidOn, purpose, context.expectedVersion());
        }
    }

    /** A payment correction: the values that were recorded wrongly (leave the others out) and why. */
    record CorrectPayment(
            Long correctsSequence,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payer,
            @Pattern(regexp = RecordIds.PATTERN, message = RecordIds.MESSAGE) String payee,
            Money amount,
            LocalDate paidOn,
            @NotBlank @Size(max = 4000) String reason) {

        CorrectPaymentCommand toCommand(String agreementId, String paymentId, WriteContext context) {
            return new CorrectPaymentCommand(agreementId, paymentId, correctsSequence, payer, payee, amount, paidOn,
                    reason, context.expectedVersion());
        }
    }

    /** A signing correction: the values that were recorded wrongly (leave the others out) and why. */
    record CorrectSigning(
            Long correctsSequence,
            @Size(max = 500) String title,
            LocalDate signedOn,
            @Size(max = 200) String place,
            @Size(max = 200) String occasion,
            @NotBlank @Size(max = 4000) String reason) {

        CorrectAgreementSigningCommand toCommand(String agreementId, WriteContext context) {
            return new CorrectAgreementSigningCommand(agreementId, correctsSequence, title, signedOn, place, occasion,
                    reason, context.expectedVersion());
        }
    }
}
