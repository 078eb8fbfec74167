package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.Provenance;

import java.time.LocalDate;
import java.util.List;

/**
 * A project was signed (签约项目): investors commit to invest in one or more host parties, at an occasion
 * (签约活动) and/or under an agreement. {@code intention} marks an intention only (意向性协议).
 * {@code projectCount} is 1 for one project; a larger count records a batch for which the source reports only
 * totals (e.g. "13 projects, 37.9亿元"), with {@code note} saying so, rather than inventing single projects.
 * {@code agreedInvestment} (协议投资) is null when the source reports no amount. {@code plannedInvestment} (总投资) is
 * the total planned investment, a different figure that some sources give instead (e.g. "集中开工11个项目，总投资
 * 40.27亿元"): it is never added to the agreed investment. Events recorded before it existed read it as null, so
 * their amount stays what it always was, agreed investment. {@code provenance} says where the record comes from.
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
        String note,
        Money plannedInvestment,
        Provenance provenance) implements ProjectEvent {

    /** A signing without planned investment and provenance, as recorded before those existed. */
    public ProjectSignedEvent(String projectId, String name, List<String> investors, List<String> hostParties,
                              String occasion, String agreementId, CooperationDomain domain, Money agreedInvestment,
                              LocalDate signedOn, boolean intention, int projectCount, String note) {
        this(projectId, name, investors, hostParties, occasion, agreementId, domain, agreedInvestment, signedOn,
                intention, projectCount, note, null, null);
    }

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
