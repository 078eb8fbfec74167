package coop.ledger.dashboard;

import coop.ledger.project.ProjectSums;
import coop.ledger.shared.web.Amount;

/**
 * The live (not cancelled) or the cancelled part of a set of signed projects: {@code projects} weighted by project
 * count, {@code records}, agreed and actual investment, and the part of them still intentions.
 */
record ProjectPart(long projects, long records, Amount agreedInvestment, Amount actualInvestment,
                   long intentionProjects, Amount intentionAgreedInvestment) {

    static ProjectPart of(ProjectSums.Part p) {
        return new ProjectPart(p.projects(), p.records(), StatsReadModel.sum(p.agreedInvestment()),
                StatsReadModel.sum(p.actualInvestment()), p.intentionProjects(),
                StatsReadModel.sum(p.intentionAgreedInvestment()));
    }
}
