package coop.ledger.agreement;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.query.PartyRef;
import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** An agreement as the API shows it: labels in both languages, amounts in yuan and 亿元/万元. */
record AgreementView(
        String id,
        String title,
        Label kind,
        Label status,
        List<PartyRef> signatories,
        List<PartyRef> observers,
        List<Participant> participants,
        LocalDate signedOn,
        String place,
        String occasion,
        List<Label> domains,
        String summary,
        AgreementState.Closure closure,
        ItemCounts itemCounts,
        List<Item> items,
        List<Payment> payments,
        Amount paymentsTotal,
        List<AgreementState.Amendment> amendments,
        boolean inferred,
        Provenance provenance,
        long version) {

    record Participant(String partyCode, Label role, LocalDate since) {
    }

    record ItemCounts(long listed, long started, long completed, long dropped, long total) {
    }

    record Item(String itemId, String description, Label domain, List<String> responsibleParties, LocalDate dueOn,
                LocalDate listedOn, Label status, LocalDate startedOn, LocalDate completedOn, String evidence,
                LocalDate droppedOn, String dropReason, int itemCount, String note) {
    }

    record Payment(String paymentId, String payer, String payee, Amount amount, LocalDate paidOn, String purpose) {
    }

    /**
     * Parties are named as in the list ({@code {code, name}}), with their names as the record directory holds them
     * now.
     */
    static AgreementView of(AgreementState s, RecordDirectory names) {
        return new AgreementView(s.agreementId(), s.title(), Label.of(s.kind()), Label.of(s.status()),
                PartyRef.named(names, s.signatories()), PartyRef.named(names, s.observers()),
                s.participants().stream().map(p -> new Participant(p.partyCode(), Label.of(p.role()), p.since())).toList(),
                s.signedOn(), s.place(), s.occasion(),
                s.domains().stream().sorted(Comparator.comparing(CooperationDomain::ordinal)).map(Label::of).toList(),
                s.summary(), s.closure(),
                itemCounts(s.itemCounts()),
                s.items().stream().map(AgreementView::item).toList(),
                s.payments().stream().map(p -> new Payment(p.paymentId(), p.payer(), p.payee(), Amount.of(p.amount()),
                        p.paidOn(), p.purpose())).toList(),
                Amount.of(s.paymentsTotal()), s.amendments(),
                s.provenance() != null && s.provenance().hasInferredValues(), s.provenance(), s.version());
    }

    private static ItemCounts itemCounts(CooperationItemCounts c) {
        return new ItemCounts(c.listed(), c.started(), c.completed(), c.dropped(), c.total());
    }

    private static Item item(AgreementState.CooperationItem i) {
        return new Item(i.itemId(), i.description(), Label.of(i.domain()), i.responsibleParties(), i.dueOn(),
                i.listedOn(), Label.of(i.status()), i.startedOn(), i.completedOn(), i.evidence(), i.droppedOn(),
                i.dropReason(), i.itemCount(), i.note());
    }
}
