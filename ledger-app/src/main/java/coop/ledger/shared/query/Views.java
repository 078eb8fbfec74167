package coop.ledger.shared.query;

import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

import java.math.BigDecimal;
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

        /** The core's counts ({@link CooperationItemCounts}, their one definition) as the API shows them. */
        public static ItemProgress of(CooperationItemCounts counts) {
            return new ItemProgress(counts.listed(), counts.started(), counts.completed(), counts.dropped(),
                    counts.total(), counts.completionRate());
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

        /** The core's counts ({@link ItemCounts}, their one definition) as the API shows them. */
        public static ServiceProgress of(ItemCounts counts) {
            return new ServiceProgress(counts.planned(), counts.addedLater(), counts.total(), counts.completed(),
                    counts.withdrawn(), counts.open(), counts.completionRate());
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

        public static ProgrammeGroup of(String key, Label label, ItemCounts counts) {
            return new ProgrammeGroup(key, label, counts.planned(), counts.addedLater(), counts.total(),
                    counts.completed(), counts.withdrawn(), counts.open(), counts.completionRate(),
                    counts.completedOriginal(), counts.completedAddedLater());
        }
    }

    public record ProgrammeStats(String groupBy, List<ProgrammeGroup> groups, ProgrammeGroup total) {
    }

    public record AgreementGroup(String key, Label label, long agreements, long inForce, ItemProgress items,
                                 Amount paymentsTotal) {
    }

    public record AgreementStats(String groupBy, List<AgreementGroup> groups, AgreementGroup total) {
    }
}
