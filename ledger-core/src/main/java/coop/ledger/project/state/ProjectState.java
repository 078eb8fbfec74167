package coop.ledger.project.state;

import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.Provenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A signed project (签约项目) as its events describe it: who invests where, the agreed investment (协议投资), its
 * milestones and the actual investment (实际投资) reported so far. {@code plannedInvestment} (总投资) is the total
 * planned investment where a source gives that instead: a figure of its own kind, never part of the agreed
 * investment. {@code provenance} says which source and words the record rests on and which values are inferred. The aggregate and every reader fold events
 * through {@link #fold}, so the state the rules see and the state readers see are computed by one piece of code.
 */
public record ProjectState(
        String projectId,
        String name,
        List<String> investors,
        List<String> hostParties,
        String occasion,
        String agreementId,
        CooperationDomain domain,
        Money agreedInvestment,
        LocalDate signedOn,
        boolean signedAsIntention,
        int projectCount,
        String note,
        ProjectStatus status,
        LocalDate firmedUpOn,
        LocalDate startedOn,
        LocalDate completedOn,
        LocalDate cancelledOn,
        String cancelReason,
        List<InvestmentReport> reports,
        long version,
        Money plannedInvestment,
        Provenance provenance) {

    /** One report of actual investment: the amount invested since the previous report. */
    public record InvestmentReport(String reportId, Money amount, LocalDate reportedOn, String note) {

        public static InvestmentReport reported(InvestmentReportedEvent e) {
            return new InvestmentReport(e.reportId(), e.amount(), e.reportedOn(), e.note());
        }

        /** The report with a correction's values, where it gives them: the one fold of a report. */
        public InvestmentReport corrected(InvestmentReportCorrectedEvent e) {
            return new InvestmentReport(reportId, e.amount() != null ? e.amount() : amount,
                    e.reportedOn() != null ? e.reportedOn() : reportedOn, note);
        }
    }

    public static ProjectState signed(ProjectSignedEvent e) {
        return new ProjectState(e.projectId(), e.name(), List.copyOf(e.investors()), List.copyOf(e.hostParties()),
                e.occasion(), e.agreementId(), e.domain(), e.agreedInvestment(), e.signedOn(), e.intention(),
                e.projectCount(), e.note(), e.intention() ? ProjectStatus.INTENTION : ProjectStatus.SIGNED,
                null, null, null, null, null, List.of(), 1, e.plannedInvestment(), e.provenance());
    }

    /** Folds any project event, starting from no state ({@code null}) for the signing. */
    public static ProjectState fold(ProjectState state, ProjectEvent event) {
        if (event instanceof ProjectSignedEvent e) {
            return signed(e);
        }
        return state.apply(event);
    }

    public ProjectState apply(ProjectEvent event) {
        if (event instanceof ProjectFirmedUpEvent e) {
            return new ProjectState(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    e.agreedInvestment() != null ? e.agreedInvestment() : agreedInvestment, signedOn,
                    signedAsIntention, projectCount, note, ProjectStatus.SIGNED, e.firmedUpOn(), startedOn,
                    completedOn, cancelledOn, cancelReason, reports, version + 1, plannedInvestment, provenance);
        }
        if (event instanceof ProjectConstructionStartedEvent e) {
            return new ProjectState(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, signedAsIntention, projectCount, note,
                    ProjectStatus.UNDER_CONSTRUCTION, firmedUpOn, e.startedOn(), completedOn, cancelledOn,
                    cancelReason, reports, version + 1, plannedInvestment, provenance);
        }
        if (event instanceof ProjectCompletedEvent e) {
            return new ProjectState(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, signedAsIntention, projectCount, note, ProjectStatus.IN_OPERATION,
                    firmedUpOn, startedOn, e.completedOn(), cancelledOn, cancelReason, reports, version + 1, plannedInvestment, provenance);
        }
        if (event instanceof ProjectCancelledEvent e) {
            return new ProjectState(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, signedAsIntention, projectCount, note, ProjectStatus.CANCELLED,
                    firmedUpOn, startedOn, completedOn, e.cancelledOn(), e.reason(), reports, version + 1, plannedInvestment, provenance);
        }
        if (event instanceof InvestmentReportedEvent e) {
            return new ProjectState(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, signedAsIntention, projectCount, note, status, firmedUpOn,
                    startedOn, completedOn, cancelledOn, cancelReason,
                    append(reports, InvestmentReport.reported(e)),
                    version + 1, plannedInvestment, provenance);
        }
        if (event instanceof ProjectCorrectedEvent e) {
            return new ProjectState(projectId, name, e.investors() != null ? List.copyOf(e.investors()) : investors,
                    e.hostParties() != null ? List.copyOf(e.hostParties()) : hostParties,
                    e.occasion() != null ? e.occasion() : occasion, agreementId,
                    e.domain() != null ? e.domain() : domain,
                    e.removesAgreedInvestment() ? null
                            : e.agreedInvestment() != null ? e.agreedInvestment() : agreedInvestment,
                    e.signedOn() != null ? e.signedOn() : signedOn, signedAsIntention,
                    e.projectCount() != null ? e.projectCount() : projectCount, note, status, firmedUpOn, startedOn,
                    completedOn, cancelledOn, cancelReason, reports, version + 1,
                    e.removesPlannedInvestment() ? null
                            : e.plannedInvestment() != null ? e.plannedInvestment() : plannedInvestment,
                    provenance);
        }
        if (event instanceof InvestmentReportCorrectedEvent e) {
            return new ProjectState(projectId, name, investors, hostParties, occasion, agreementId, domain,
                    agreedInvestment, signedOn, signedAsIntention, projectCount, note, status, firmedUpOn,
                    startedOn, completedOn, cancelledOn, cancelReason,
                    reports.stream().map(r -> r.reportId().equals(e.reportId()) ? r.corrected(e) : r).toList(),
                    version + 1, plannedInvestment, provenance);
        }
        throw new IllegalStateException("project " + projectId + " cannot apply " + event.getClass().getSimpleName());
    }

    /**
     * Still an intention (意向签约): signed as one and not firmed up since, whatever happened after (a cancelled
     * intention stays an intention). Statistics count these apart from firmly signed projects.
     */
    public boolean stillIntention() {
        return signedAsIntention && firmedUpOn == null;
    }

    /** Sum of all reported investment: the actual investment (实际投资) so far. */
    public Money actualInvestment() {
        return reports.stream().map(InvestmentReport::amount).reduce(Money.zero(), Money::plus);
    }

    public Optional<InvestmentReport> report(String reportId) {
        return reports.stream().filter(r -> r.reportId().equals(reportId)).findFirst();
    }

    public boolean hasReport(String reportId) {
        return reports.stream().anyMatch(r -> r.reportId().equals(reportId));
    }

    /** The date of the latest milestone so far (signing, firm-up, start or completion). */
    public LocalDate lastMilestoneOn() {
        return Stream.of(signedOn, firmedUpOn, startedOn, completedOn)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElseThrow();
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
