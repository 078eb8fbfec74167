package coop.ledger.shared.query;

import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the query endpoints. Amounts as {@link Amount}, vocabulary as {@link Label}. */
public final class Views {

    private Views() {
    }

    /** A party named in a record: its code and current Chinese name (null when the party is not registered). */
    public record PartyRef(String code, String name) {
    }

    public record AgreementItem(String id, String title, Label kind, Label status, LocalDate signedOn, String place,
                                String occasion, List<Label> domains, List<PartyRef> signatories,
                                List<PartyRef> observers, ItemProgress items, Amount paymentsTotal, int payments,
                                int amendments, LocalDate closedOn, String supersededBy, long version) {
    }

    /** The cooperation list (合作清单) of one or more agreements, by status. */
    public record ItemProgress(long listed, long started, long completed, long dropped, long total,
                               BigDecimal completionRate) {

        public static ItemProgress of(long listed, long started, long completed, long dropped) {
            long total = listed + started + completed + dropped;
            return new ItemProgress(listed, started, completed, dropped, total, rate(completed, total - dropped));
        }
    }

    public record ProjectItem(String id, String name, Label status, boolean intention, List<PartyRef> hostParties,
                              List<PartyRef> investors, String occasion, String agreementId, Label domain,
                              Amount agreedInvestment, Amount actualInvestment, int projectCount, LocalDate signedOn,
                              LocalDate firmedUpOn, LocalDate startedOn, LocalDate completedOn, LocalDate cancelledOn,
                              String note, long version) {
    }

    /** Programme items (事项), each weighted by how many items its record stands for. */
    public record ServiceProgress(long planned, long addedLater, long total, long completed, long withdrawn, long open,
                                  BigDecimal completionRate) {

        public static ServiceProgress of(long planned, long addedLater, long completed, long withdrawn) {
            long total = planned + addedLater;
            return new ServiceProgress(planned, addedLater, total, completed, withdrawn, total - completed - withdrawn,
                    rate(completed, total - withdrawn));
        }
    }

    public record ProgrammeItem(String id, String name, String period, List<PartyRef> participants,
                                List<String> categories, LocalDate declaredOn, String note, ServiceProgress items,
                                long version) {
    }

    public record PartyItem(String code, String nameZh, String nameEn, Label kind, PartyRef parent,
                            LocalDate establishedOn, int renames, long version) {
    }

    /**
     * {@code projects} and {@code agreedInvestment} count every record, intentions (意向签约) included;
     * {@code intentionProjects} and {@code intentionAgreedInvestment} are the part of them still intentions, so
     * firmly signed = projects − intentionProjects.
     */
    public record ProjectGroup(String key, Label label, long projects, long records, Amount agreedInvestment,
                               long recordsWithAgreedInvestment, Amount actualInvestment, long intentionProjects,
                               Amount intentionAgreedInvestment) {
    }

    public record ProjectStats(String groupBy, List<ProjectGroup> groups, ProjectGroup total) {
    }

    /** {@code completed} = {@code completedOriginal} (of the original list) + {@code completedAddedLater}. */
    public record ProgrammeGroup(String key, Label label, long planned, long addedLater, long total, long completed,
                                 long withdrawn, long open, BigDecimal completionRate, long completedOriginal,
                                 long completedAddedLater) {

        public static ProgrammeGroup of(String key, Label label, ServiceProgress p, long completedAddedLater) {
            return new ProgrammeGroup(key, label, p.planned(), p.addedLater(), p.total(), p.completed(),
                    p.withdrawn(), p.open(), p.completionRate(), p.completed() - completedAddedLater,
                    completedAddedLater);
        }
    }

    public record ProgrammeStats(String groupBy, List<ProgrammeGroup> groups, ProgrammeGroup total) {
    }

    public record AgreementGroup(String key, Label label, long agreements, long inForce, ItemProgress items,
                                 Amount paymentsTotal) {
    }

    public record AgreementStats(String groupBy, List<AgreementGroup> groups, AgreementGroup total) {
    }

    /** Completed share of what is still to be done, 0..1 with four decimals; null when nothing is to be done. */
    static BigDecimal rate(long done, long of) {
        return of <= 0 ? null : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }
}
