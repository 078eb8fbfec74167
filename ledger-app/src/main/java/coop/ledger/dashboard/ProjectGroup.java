package coop.ledger.dashboard;

import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

/**
 * {@code projects} and {@code agreedInvestment} count every record, intentions (意向签约) included;
 * {@code intentionProjects} and {@code intentionAgreedInvestment} are the part of them still intentions, so
 * firmly signed = projects − intentionProjects.
 */
record ProjectGroup(String key, Label label, long projects, long records, Amount agreedInvestment,
                           long recordsWithAgreedInvestment, Amount actualInvestment, long intentionProjects,
                           Amount intentionAgreedInvestment) {
}
