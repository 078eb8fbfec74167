package coop.ledger.project;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.state.ProjectState;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A signed project (签约项目) as the dashboards list it: the core's {@link ProjectState} of the project itself,
 * folded by the core's own fold, with its reports kept apart ({@link InvestmentReportRow}) and summed here:
 * {@code actualInvestment} (实际投资) is the sum of the reports as corrected. {@code projectCount} is how many
 * projects the record stands for; {@code agreedInvestment} (协议投资) is null when not reported.
 */
record ProjectRow(ProjectState project, Money actualInvestment, int investmentReports, long lastSequence,
                  long lastPosition, OffsetDateTime updatedAt) implements ProjectionRow {

    static ProjectRow signed(ProjectSignedEvent e, Applied at) {
        return new ProjectRow(ProjectState.signed(e), Money.zero(), 0, at.sequence(), at.position(),
                at.recordedAt());
    }

    /** The project after {@code event}; this row when the event was applied before. */
    ProjectRow apply(ProjectEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        if (event instanceof InvestmentReportedEvent e) {
            // the report itself is its own row; the project row keeps only the sum and the count
            return new ProjectRow(project, actualInvestment.plus(e.amount()), investmentReports + 1, at.sequence(),
                    at.position(), at.recordedAt());
        }
        if (event instanceof InvestmentReportCorrectedEvent) {
            throw new IllegalArgumentException("a report correction needs the report: use reportCorrected");
        }
        return new ProjectRow(project.apply(event), actualInvestment, investmentReports, at.sequence(),
                at.position(), at.recordedAt());
    }

    /**
     * The project after a correction changed one report's amount from {@code before} to {@code after}: the actual
     * investment moves by the difference, so it stays the sum of the reports as corrected.
     */
    ProjectRow reportCorrected(Money before, Money after, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new ProjectRow(project, new Money(actualInvestment.yuan().subtract(before.yuan()).add(after.yuan())),
                investmentReports, at.sequence(), at.position(), at.recordedAt());
    }

    String id() {
        return project.projectId();
    }

    String name() {
        return project.name();
    }

    ProjectStatus status() {
        return project.status();
    }

    boolean intention() {
        return project.stillIntention();
    }

    List<String> hostParties() {
        return project.hostParties();
    }

    List<String> investors() {
        return project.investors();
    }

    String occasion() {
        return project.occasion();
    }

    String agreementId() {
        return project.agreementId();
    }

    CooperationDomain domain() {
        return project.domain();
    }

    Money agreedInvestment() {
        return project.agreedInvestment();
    }

    int projectCount() {
        return project.projectCount();
    }

    LocalDate signedOn() {
        return project.signedOn();
    }

    LocalDate firmedUpOn() {
        return project.firmedUpOn();
    }

    LocalDate startedOn() {
        return project.startedOn();
    }

    LocalDate completedOn() {
        return project.completedOn();
    }

    LocalDate cancelledOn() {
        return project.cancelledOn();
    }

    String note() {
        return project.note();
    }
}
