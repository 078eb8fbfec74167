package coop.ledger.dashboard;

import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

/**
 * {@code projects} and {@code agreedInvestment} count every record, intentions (意向签约) and cancelled projects
 * included; {@code intentionProjects} and {@code intentionAgreedInvestment} are the part of them still intentions, so
 * firmly signed = projects − intentionProjects. {@code live} and {@code cancelled} split the same records by
 * status: live + cancelled = all. {@code plannedInvestment} (总投资) sums the records that report total planned
 * investment, a different kind of amount: it is never part of {@code agreedInvestment}.
 */
record ProjectGroup(String key, Label label, long projects, long records, Amount agreedInvestment,
                    long recordsWithAgreedInvestment, Amount actualInvestment, long intentionProjects,
                    Amount intentionAgreedInvestment, Amount plannedInvestment, long recordsWithPlannedInvestment,
                    ProjectPart live, ProjectPart cancelled) {
}
