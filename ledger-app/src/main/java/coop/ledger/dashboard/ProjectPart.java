package coop.ledger.dashboard;

import coop.ledger.project.ProjectSums;
import coop.ledger.shared.web.Amount;

/**
 * The live (not cancelled) or the cancelled part of a set of signed projects: {@code projects} weighted by project
 * count, {@code records}, agreed and actual investment, the part of them still intentions, and the total planned
 * investment (总投资) of the records that report that kind instead: a figure of its own, never in the agreed one.
 */
record ProjectPart(long projects, long records, Amount agreedInvestment, Amount actualInvestment,
                   long intentionProjects, Amount intentionAgreedInvestment, Amount plannedInvestment) {

    static ProjectPart of(ProjectSums.Part p) {
        return new ProjectPart(p.projects(), p.records(), StatsReadModel.sum(p.agreedInvestment()),
                StatsReadModel.sum(p.actualInvestment()), p.intentionProjects(),
                StatsReadModel.sum(p.intentionAgreedInvestment()), StatsReadModel.sum(p.plannedInvestment()));
    }
}
