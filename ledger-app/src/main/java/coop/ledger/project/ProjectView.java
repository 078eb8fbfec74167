package coop.ledger.project;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.query.PartyRef;
import coop.ledger.project.state.ProjectState;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

import java.time.LocalDate;
import java.util.List;

/** A signed project as the API shows it: labels in both languages, amounts in yuan and 亿元/万元. */
record ProjectView(
        String id,
        String name,
        Label status,
        boolean signedAsIntention,
        List<PartyRef> investors,
        List<PartyRef> hostParties,
        String occasion,
        String agreementId,
        Label domain,
        int projectCount,
        String note,
        Amount agreedInvestment,
        Amount plannedInvestment,
        Amount actualInvestment,
        Milestones milestones,
        String cancelReason,
        List<Report> reports,
        boolean inferred,
        Provenance provenance,
        long version) {

    /** The dates the project reached each step; null for a step not reached. */
    record Milestones(LocalDate signedOn, LocalDate firmedUpOn, LocalDate startedOn, LocalDate completedOn,
                      LocalDate cancelledOn) {
    }

    record Report(String reportId, Amount amount, LocalDate reportedOn, String note) {
    }

    /**
     * Parties are named as in the list ({@code {code, name}}), with their names as the record directory holds them
     * now.
     */
    static ProjectView of(ProjectState s, RecordDirectory names) {
        return new ProjectView(s.projectId(), s.name(), Label.of(s.status()), s.signedAsIntention(),
                PartyRef.named(names, s.investors()), PartyRef.named(names, s.hostParties()), s.occasion(),
                s.agreementId(), Label.of(s.domain()), s.projectCount(), s.note(),
                Amount.of(s.agreedInvestment()), Amount.of(s.plannedInvestment()), Amount.of(s.actualInvestment()),
                new Milestones(s.signedOn(), s.firmedUpOn(), s.startedOn(), s.completedOn(), s.cancelledOn()),
                s.cancelReason(),
                s.reports().stream().map(r -> new Report(r.reportId(), Amount.of(r.amount()), r.reportedOn(),
                        r.note())).toList(),
                s.provenance() != null && s.provenance().hasInferredValues(), s.provenance(),
                s.version());
    }
}
