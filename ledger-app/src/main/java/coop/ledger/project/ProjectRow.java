package coop.ledger.project;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A signed project (签约项目) as the dashboards list it. {@code projectCount} is how many projects the record stands
 * for (a batch reported only in total counts as many); {@code agreedInvestment} (协议投资) is null when not
 * reported; {@code actualInvestment} (实际投资) is the sum of the reports. Corrections (更正) show as the project's
 * fold ({@code ProjectState}) applies them.
 */
public record ProjectRow(
        String id,
        String name,
        ProjectStatus status,
        boolean intention,
        List<String> hostParties,
        List<String> investors,
        String occasion,
        String agreementId,
        CooperationDomain domain,
        Money agreedInvestment,
        Money actualInvestment,
        int investmentReports,
        int projectCount,
        LocalDate signedOn,
        LocalDate firmedUpOn,
        LocalDate startedOn,
        LocalDate completedOn,
        LocalDate cancelledOn,
        String note,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static ProjectRow signed(ProjectSignedEvent e, Applied at) {
        return new ProjectRow(e.projectId(), e.name(), e.intention() ? ProjectStatus.INTENTION : ProjectStatus.SIGNED,
                e.intention(), copy(e.hostParties()), copy(e.investors()), e.occasion(), e.agreementId(), e.domain(),
                e.agreedInvestment(), Money.zero(), 0, Math.max(e.projectCount(), 1), e.signedOn(), null, null, null,
                null, e.note(), at.sequence(), at.position(), at.recordedAt());
    }

    /** The project after {@code event}; this row when the event was applied before. */
    public ProjectRow apply(ProjectEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        ProjectStatus newStatus = status;
        boolean newIntention = intention;
        Money agreed = agreedInvestment;
        Money actual = actualInvestment;
        int reports = investmentReports;
        LocalDate firmedUp = firmedUpOn;
        LocalDate started = startedOn;
        LocalDate completed = completedOn;
        LocalDate cancelled = cancelledOn;
        LocalDate signed = signedOn;
        List<String> hosts = hostParties;
        List<String> investing = investors;
        String newOccasion = occasion;
        CooperationDomain newDomain = domain;
        int count = projectCount;
        if (event instanceof ProjectFirmedUpEvent e) {
            newIntention = false;
            firmedUp = e.firmedUpOn();
            if (status == ProjectStatus.INTENTION) {
                newStatus = ProjectStatus.SIGNED;
            }
            if (e.agreedInvestment() != null) {
                agreed = e.agreedInvestment();
            }
        } else if (event instanceof ProjectConstructionStartedEvent e) {
            newStatus = ProjectStatus.UNDER_CONSTRUCTION;
            started = e.startedOn();
        } else if (event instanceof ProjectCompletedEvent e) {
            newStatus = ProjectStatus.IN_OPERATION;
            completed = e.completedOn();
        } else if (event instanceof ProjectCancelledEvent e) {
            newStatus = ProjectStatus.CANCELLED;
            cancelled = e.cancelledOn();
        } else if (event instanceof InvestmentReportedEvent e) {
            actual = actual.plus(e.amount());
            reports++;
        } else if (event instanceof ProjectCorrectedEvent e) {
            agreed = e.agreedInvestment() != null ? e.agreedInvestment() : agreed;
            signed = e.signedOn() != null ? e.signedOn() : signed;
            hosts = e.hostParties() != null ? List.copyOf(e.hostParties()) : hosts;
            investing = e.investors() != null ? List.copyOf(e.investors()) : investing;
            newOccasion = e.occasion() != null ? e.occasion() : newOccasion;
            newDomain = e.domain() != null ? e.domain() : newDomain;
            count = e.projectCount() != null ? e.projectCount() : count;
        } else if (event instanceof InvestmentReportCorrectedEvent) {
            throw new IllegalArgumentException("a report correction needs the report: use reportCorrected");
        }
        return new ProjectRow(id, name, newStatus, newIntention, hosts, investing, newOccasion, agreementId,
                newDomain, agreed, actual, reports, count, signed, firmedUp, started, completed, cancelled, note,
                at.sequence(), at.position(), at.recordedAt());
    }

    /**
     * The project after a correction changed one report's amount from {@code before} to {@code after}: the actual
     * investment moves by the difference, so it stays the sum of the reports as corrected.
     */
    public ProjectRow reportCorrected(Money before, Money after, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new ProjectRow(id, name, status, intention, hostParties, investors, occasion, agreementId, domain,
                agreedInvestment, new Money(actualInvestment.yuan().subtract(before.yuan()).add(after.yuan())),
                investmentReports, projectCount, signedOn, firmedUpOn, startedOn, completedOn, cancelledOn, note,
                at.sequence(), at.position(), at.recordedAt());
    }

    private static List<String> copy(List<String> codes) {
        return codes == null ? List.of() : List.copyOf(codes);
    }
}
