package coop.ledger.project.command;

import coop.ledger.project.api.CancelProjectCommand;
import coop.ledger.project.api.CompleteProjectCommand;
import coop.ledger.project.api.CorrectInvestmentReportCommand;
import coop.ledger.project.api.CorrectProjectCommand;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.FirmUpProjectCommand;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.api.ReportInvestmentCommand;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.project.api.StartProjectConstructionCommand;
import coop.ledger.project.state.ProjectState;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Corrections;
import coop.ledger.shared.FoldedState;
import coop.ledger.shared.Money;
import coop.ledger.shared.Provenance;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.RecordHistory;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.Rules;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.shared.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static coop.ledger.shared.Rules.blankToNull;
import static coop.ledger.shared.Rules.requireKnownParty;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The signed-project aggregate (签约项目): decides signings and intentions (意向性协议), firm-up, the milestones
 * construction started (开工), completed (建成投用) and cancelled, and reports of actual investment (实际投资).
 * Every refusal names its rule and the values involved.
 * <p>
 * It keeps its state and the few facts about its past that corrections decide on, never its history, so it loads
 * from its latest snapshot as fast with ten thousand events as with ten. The snapshot revision changes whenever
 * these fields change shape: a snapshot of another revision is ignored and the project is folded from its events.
 */
@Revision("2")
public class Project implements FoldedState<ProjectState> {

    @AggregateIdentifier
    private String projectId;
    private ProjectState state;
    /** The sequence number of the latest event that recorded the signing: the signing or a correction of it. */
    private long signingCitation;
    /** Per report id, the sequence number of the latest event that recorded the report or corrected it. */
    private final Map<String, Long> reportCitations = new HashMap<>();
    /** The earliest business date of the steps recorded after the signing; null while there is none. */
    private LocalDate earliestLaterStep;

    protected Project() {
        // for Axon
    }

    @CommandHandler
    public Project(SignProjectCommand cmd, RecordDirectory directory, Clock clock) {
        RecordIds.require(cmd.projectId(), "projectId", "project.id-format");
        Rules.requireText(cmd.name(), "name");
        Rules.require(cmd.domain() != null, "field.required", "domain must be given", Map.of("field", "domain"));
        Rules.require(cmd.signedOn() != null, "field.required", "signedOn must be given", Map.of("field", "signedOn"));
        Rules.requireNotFuture(cmd.signedOn(), "signedOn", clock);
        List<String> investors = cmd.investors() == null ? List.of() : cmd.investors();
        List<String> hostParties = cmd.hostParties() == null ? List.of() : cmd.hostParties();
        Rules.requireDistinctParties(investors, "investors", "project.duplicate-party");
        Rules.requireDistinctParties(hostParties, "hostParties", "project.duplicate-party");
        Rules.require(!investors.isEmpty(), "project.no-investor", "a project needs at least one investor",
                Map.of("investors", investors));
        Rules.require(!hostParties.isEmpty(), "project.no-host-party", "a project needs at least one host party",
                Map.of("hostParties", hostParties));
        investors.forEach(p -> requireKnownParty(directory, p));
        hostParties.forEach(p -> requireKnownParty(directory, p));
        String agreementId = blankToNull(cmd.agreementId());
        if (agreementId != null) {
            Rules.require(directory.agreementExists(agreementId), "agreement.unknown",
                    "agreement " + agreementId + " is not recorded", Map.of("agreementId", agreementId));
        }
        requirePositiveInvestment(cmd.agreedInvestment());
        requirePositiveInvestment(cmd.plannedInvestment(), "plannedInvestment", "a planned investment");
        int projectCount = cmd.projectCount() == null ? 1 : cmd.projectCount();
        Rules.require(projectCount >= 1, "project.count-not-positive",
                "a signing records at least one project, got " + projectCount, Map.of("projectCount", projectCount));
        apply(new ProjectSignedEvent(cmd.projectId(), cmd.name().strip(), List.copyOf(investors),
                List.copyOf(hostParties), blankToNull(cmd.occasion()), agreementId, cmd.domain(),
                cmd.agreedInvestment(), cmd.signedOn(), cmd.intention(), projectCount, blankToNull(cmd.note()),
                cmd.plannedInvestment(), Provenance.normalised(cmd.provenance())));
    }

    @CommandHandler
    public long handle(FirmUpProjectCommand cmd, Clock clock) {
        requireChangeable(cmd.expectedVersion());
        Rules.require(state.status() == ProjectStatus.INTENTION, "project.not-an-intention",
                "project " + projectId + " is " + state.status().name().toLowerCase() + ", not an intention",
                Map.of("projectId", projectId, "status", state.status().name()));
        requireBusinessDate(cmd.firmedUpOn(), "firmedUpOn", clock);
        requirePositiveInvestment(cmd.agreedInvestment());
        apply(new ProjectFirmedUpEvent(projectId, cmd.firmedUpOn(), cmd.agreedInvestment()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(StartProjectConstructionCommand cmd, Clock clock) {
        requireChangeable(cmd.expectedVersion());
        requireNotCompleted();
        Rules.require(state.startedOn() == null, "project.already-started",
                "construction of project " + projectId + " already started on " + state.startedOn(),
                Map.of("projectId", projectId, "startedOn", String.valueOf(state.startedOn())));
        requireFirm();
        requireMilestoneDate(cmd.startedOn(), "startedOn", clock);
        apply(new ProjectConstructionStartedEvent(projectId, cmd.startedOn()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(CompleteProjectCommand cmd, Clock clock) {
        requireChangeable(cmd.expectedVersion());
        requireNotCompleted();
        requireFirm();
        requireMilestoneDate(cmd.completedOn(), "completedOn", clock);
        apply(new ProjectCompletedEvent(projectId, cmd.completedOn()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(CancelProjectCommand cmd, Clock clock) {
        requireChangeable(cmd.expectedVersion());
        requireNotCompleted();
        Rules.requireText(cmd.reason(), "reason");
        requireMilestoneDate(cmd.cancelledOn(), "cancelledOn", clock);
        apply(new ProjectCancelledEvent(projectId, cmd.cancelledOn(), cmd.reason().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(ReportInvestmentCommand cmd, Clock clock) {
        requireChangeable(cmd.expectedVersion());
        RecordIds.require(cmd.reportId(), "reportId", "investment.id-format");
        Rules.require(!state.hasReport(cmd.reportId()), "investment.duplicate",
                "investment report " + cmd.reportId() + " is already recorded", Map.of("reportId", cmd.reportId()));
        Rules.require(cmd.amount() != null && cmd.amount().isPositive(), "investment.amount-not-positive",
                "a reported investment must be positive, got " + cmd.amount(),
                Map.of("amount", String.valueOf(cmd.amount() == null ? null : cmd.amount().plain())));
        requireBusinessDate(cmd.reportedOn(), "reportedOn", clock);
        apply(new InvestmentReportedEvent(projectId, cmd.reportId(), cmd.amount(), cmd.reportedOn(),
                blankToNull(cmd.note())));
        return Versions.current();
    }

    /**
     * Corrects the recorded signing of a project. Allowed whatever the project's status: a cancelled project's
     * history can still be wrong. The corrected values obey the rules of a signing; a corrected signing date may
     * not fall after anything recorded since (a milestone, a report).
     */
    @CommandHandler
    public long handle(CorrectProjectCommand cmd, RecordDirectory directory, RecordHistory history, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        // A firm-up is cited only when named: by default a correction corrects the signing.
        long cited = Corrections.citation(history, projectId, state.version(), cmd.correctsSequence(), signingCitation,
                e -> e instanceof ProjectSignedEvent || e instanceof ProjectCorrectedEvent
                        || e instanceof ProjectFirmedUpEvent && cmd.correctsSequence() != null,
                "the signing of project " + projectId);
        String reason = Corrections.requireReason(cmd.reason());
        Money agreedInvestment = Corrections.changed(cmd.agreedInvestment(), state.agreedInvestment());
        if (agreedInvestment != null && state.agreedInvestment() != null
                && agreedInvestment.compareTo(state.agreedInvestment()) == 0) {
            agreedInvestment = null;
        }
        LocalDate signedOn = Corrections.changed(cmd.signedOn(), state.signedOn());
        List<String> hostParties = Corrections.changed(cmd.hostParties() == null ? null : List.copyOf(cmd.hostParties()),
                state.hostParties());
        List<String> investors = Corrections.changed(cmd.investors() == null ? null : List.copyOf(cmd.investors()),
                state.investors());
        String occasion = Corrections.changed(blankToNull(cmd.occasion()), state.occasion());
        CooperationDomain domain = Corrections.changed(cmd.domain(), state.domain());
        Integer projectCount = Corrections.changed(cmd.projectCount(), state.projectCount());
        Money plannedInvestment = Corrections.changed(cmd.plannedInvestment(), state.plannedInvestment());
        if (plannedInvestment != null && state.plannedInvestment() != null
                && plannedInvestment.compareTo(state.plannedInvestment()) == 0) {
            plannedInvestment = null;
        }
        requireNotBothGivenAndRemoved(cmd.agreedInvestment(), cmd.removeAgreedInvestment(), "agreedInvestment");
        requireNotBothGivenAndRemoved(cmd.plannedInvestment(), cmd.removePlannedInvestment(), "plannedInvestment");
        // removing a kind the project does not have changes nothing
        Boolean agreedRemoved = cmd.removeAgreedInvestment() && state.agreedInvestment() != null ? true : null;
        Boolean plannedRemoved = cmd.removePlannedInvestment() && state.plannedInvestment() != null ? true : null;
        Corrections.requireSomeChange(agreedInvestment, signedOn, hostParties, investors, occasion, domain,
                projectCount, plannedInvestment, agreedRemoved, plannedRemoved);
        if (agreedInvestment != null) {
            Rules.require(agreedInvestment.isPositive(), "project.amount-not-positive",
                    "an agreed investment must be positive, got " + agreedInvestment,
                    Map.of("agreedInvestment", agreedInvestment.plain()));
        }
        if (plannedInvestment != null) {
            requirePositiveInvestment(plannedInvestment, "plannedInvestment", "a planned investment");
        }
        if (investors != null) {
            Rules.requireDistinctParties(investors, "investors", "project.duplicate-party");
            Rules.require(!investors.isEmpty(), "project.no-investor", "a project needs at least one investor",
                    Map.of("investors", investors));
            investors.forEach(p -> requireKnownParty(directory, p));
        }
        if (hostParties != null) {
            Rules.requireDistinctParties(hostParties, "hostParties", "project.duplicate-party");
            Rules.require(!hostParties.isEmpty(), "project.no-host-party", "a project needs at least one host party",
                    Map.of("hostParties", hostParties));
            hostParties.forEach(p -> requireKnownParty(directory, p));
        }
        if (projectCount != null) {
            Rules.require(projectCount >= 1, "project.count-not-positive",
                    "a signing records at least one project, got " + projectCount,
                    Map.of("projectCount", projectCount));
        }
        if (signedOn != null) {
            Rules.requireNotFuture(signedOn, "signedOn", clock);
            Corrections.requireSigningNotAfter(earliestLaterStep, signedOn, "project " + projectId);
        }
        // Only a named citation can be the firm-up; reading it back again costs one event, and only then.
        LocalDate businessDate = cmd.correctsSequence() != null
                && history.event(projectId, cited).orElseThrow() instanceof ProjectFirmedUpEvent firmedUp
                ? firmedUp.firmedUpOn()
                : signedOn != null ? signedOn : state.signedOn();
        apply(new ProjectCorrectedEvent(projectId, cited, agreedInvestment, signedOn, hostParties, investors, occasion,
                domain, projectCount, reason, businessDate, plannedInvestment, agreedRemoved, plannedRemoved));
        return Versions.current();
    }

    /** Corrects a report of actual investment; the corrected values obey the rules of a new report. */
    @CommandHandler
    public long handle(CorrectInvestmentReportCommand cmd, RecordHistory history, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        ProjectState.InvestmentReport report = state.report(cmd.reportId()).orElseThrow(() ->
                new UnknownRecordException("investment.not-reported",
                        "investment report " + cmd.reportId() + " is not recorded for project " + projectId,
                        Map.of("projectId", projectId, "reportId", String.valueOf(cmd.reportId()))));
        long cited = Corrections.citation(history, projectId, state.version(), cmd.correctsSequence(),
                reportCitations.get(report.reportId()),
                e -> e instanceof InvestmentReportedEvent r && r.reportId().equals(report.reportId())
                        || e instanceof InvestmentReportCorrectedEvent c && c.reportId().equals(report.reportId()),
                "investment report " + report.reportId());
        String reason = Corrections.requireReason(cmd.reason());
        Money amount = Corrections.changed(cmd.amount(), report.amount());
        if (amount != null && amount.compareTo(report.amount()) == 0) {
            amount = null;
        }
        LocalDate reportedOn = Corrections.changed(cmd.reportedOn(), report.reportedOn());
        Corrections.requireSomeChange(amount, reportedOn);
        if (amount != null) {
            Rules.require(amount.isPositive(), "investment.amount-not-positive",
                    "a reported investment must be positive, got " + amount, Map.of("amount", amount.plain()));
        }
        LocalDate newReportedOn = reportedOn != null ? reportedOn : report.reportedOn();
        requireBusinessDate(newReportedOn, "reportedOn", clock);
        apply(new InvestmentReportCorrectedEvent(projectId, report.reportId(), cited, amount, reportedOn, reason,
                newReportedOn));
        return Versions.current();
    }

    @EventSourcingHandler
    void on(ProjectEvent event, @SequenceNumber long sequence) {
        projectId = event.projectId();
        state = ProjectState.fold(state, event);
        if (event instanceof ProjectSignedEvent || event instanceof ProjectCorrectedEvent) {
            signingCitation = sequence;
        } else {
            earliestLaterStep = Corrections.earliest(earliestLaterStep, event.businessDate());
        }
        if (event instanceof InvestmentReportedEvent e) {
            reportCitations.put(e.reportId(), sequence);
        } else if (event instanceof InvestmentReportCorrectedEvent e) {
            reportCitations.put(e.reportId(), sequence);
        }
    }

    @Override
    public ProjectState foldedState() {
        return state;
    }

    /** Checks the expected version, and that the project was not cancelled: a cancelled project takes no change. */
    private void requireChangeable(Long expectedVersion) {
        Versions.requireExpected(expectedVersion);
        Rules.require(state.status() != ProjectStatus.CANCELLED, "project.cancelled",
                "project " + projectId + " was cancelled on " + state.cancelledOn() + " and accepts no further changes",
                Map.of("projectId", projectId, "cancelledOn", String.valueOf(state.cancelledOn())));
    }

    /** There is no going back from completion: no start, completion or cancellation after it. */
    private void requireNotCompleted() {
        Rules.require(state.completedOn() == null, "project.already-completed",
                "project " + projectId + " was already completed on " + state.completedOn(),
                Map.of("projectId", projectId, "completedOn", String.valueOf(state.completedOn())));
    }

    /** An intention must be firmed up into a signed project before construction starts or it completes. */
    private void requireFirm() {
        Rules.require(state.status() != ProjectStatus.INTENTION, "project.intention-not-firm",
                "project " + projectId + " is only an intention; firm it up first",
                Map.of("projectId", projectId, "status", state.status().name()));
    }

    private static void requirePositiveInvestment(Money amount) {
        requirePositiveInvestment(amount, "agreedInvestment", "an agreed investment");
    }

    /** A correction cannot both give a kind of investment a new amount and say the project has none of it. */
    private static void requireNotBothGivenAndRemoved(Money amount, boolean removed, String field) {
        Rules.require(amount == null || !removed, "project.investment-given-and-removed",
                field + " cannot be both corrected to " + (amount == null ? null : amount.plain()) + " and removed",
                Map.of("field", field, field, String.valueOf(amount == null ? null : amount.plain())));
    }

        private static void requirePositiveInvestment(Money amount, String field, String what) {
        Rules.require(amount == null || amount.isPositive(), "project.amount-not-positive",
                what + " must be positive, got " + amount,
                Map.of(field, String.valueOf(amount == null ? null : amount.plain())));
    }

    /** A business date must be given, not in the future, and not before the signing. */
    private void requireBusinessDate(LocalDate date, String field, Clock clock) {
        Rules.require(date != null, "field.required", field + " must be given", Map.of("field", field));
        Rules.requireNotFuture(date, field, clock);
        Rules.require(!date.isBefore(state.signedOn()), "business-date.before-signing",
                field + " " + date + " is before the project was signed on " + state.signedOn(),
                Map.of("field", field, "date", date.toString(), "signedOn", state.signedOn().toString()));
    }

    /** A milestone cannot be dated before the one it follows (firm-up, start or completion). */
    private void requireMilestoneDate(LocalDate date, String field, Clock clock) {
        requireBusinessDate(date, field, clock);
        LocalDate previous = state.lastMilestoneOn();
        Rules.require(!date.isBefore(previous), "project.date-before-previous-step",
                field + " " + date + " is before the previous step of project " + projectId + " on " + previous,
                Map.of("field", field, "date", date.toString(), "previous", previous.toString()));
    }
}
