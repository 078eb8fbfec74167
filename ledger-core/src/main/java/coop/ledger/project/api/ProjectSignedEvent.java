package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A project was signed (签约项目): investors commit to invest in one or more host parties, at an occasion
 * (签约活动) and/or under an agreement. {@code intention} marks an intention only (意向性协议).
 * {@code projectCount} is 1 for one project; a larger count records a batch for which the source reports only
 * totals (e.g. "13 projects, 37.9亿元"), with {@code note} saying so, rather than inventing single projects.
 * {@code agreedInvestment} (协议投资) is null when the source reports no amount.
 */
public record ProjectSignedEvent(
        String projectId,
        String name,
        List<String> investors,
        List<String> hostParties,
        String occasion,
        String agreementId,
        CooperationDomain domain,
        Money agreedInvestment,
        LocalDate signedOn,
        boolean intention,
        int projectCount,
        String note) implements ProjectEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
