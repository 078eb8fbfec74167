package coop.ledger.agreement;

import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.agreement.state.AgreementState.CooperationItem;
import coop.ledger.agreement.state.AgreementState.Payment;
import coop.ledger.processing.ReadModelStore;
import coop.ledger.processing.ReadModelStore.Write;
import coop.ledger.processing.ReadModelTables;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.query.Codes;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import static coop.ledger.processing.Columns.date;
import static coop.ledger.processing.Columns.money;
import static coop.ledger.processing.Columns.month;
import static coop.ledger.processing.Columns.time;

/** The agreement slice's projection tables: agreements, their participants, domains, items and payments. */
@Component
class AgreementRows implements ReadModelTables {

    private static final List<String> AGREEMENT_COLUMNS = List.of("id", "title", "kind", "status", "signed_on",
            "signed_year", "signed_month", "place", "occasion", "domains", "signatories", "observers", "items_listed",
            "items_started", "items_completed", "items_dropped", "payments_total", "payments", "amendments",
            "closed_on", "superseded_by", "last_sequence", "last_position", "updated_at");
    private static final List<String> ITEM_COLUMNS = List.of("agreement_id", "item_id", "description",
            "domain_code", "status", "responsible_parties", "listed_on", "due_on", "started_on", "completed_on",
            "dropped_on", "item_count", "note", "last_sequence", "last_position", "updated_at");
    private static final List<String> PAYMENT_COLUMNS = List.of("agreement_id", "payment_id", "payer", "payee",
            "amount", "paid_on", "last_sequence", "last_position", "updated_at");

    /** One participant row, kept in the batch until it is written. */
    record Participant(String agreementId, String partyCode, ParticipantRole role, LocalDate since, long sequence) {
    }

    private final ReadModelStore store;
    private final String upsertAgreement;
    private final String upsertItem;
    private final String upsertParticipant;
    private final String upsertPayment;

    AgreementRows(ReadModelStore store) {
        this.store = store;
        upsertAgreement = store.upsert("dash_agreement", List.of("id"), AGREEMENT_COLUMNS);
        upsertItem = store.upsert("dash_agreement_item", List.of("agreement_id", "item_id"), ITEM_COLUMNS);
        upsertParticipant = store.upsert("dash_agreement_participant", List.of("agreement_id", "party_code"),
                List.of("agreement_id", "party_code", "party_role", "since", "last_sequence"));
        upsertPayment = store.upsert("dash_agreement_payment", List.of("agreement_id", "payment_id"),
                PAYMENT_COLUMNS);
    }

    @Override
    public List<String> tables() {
        return List.of("dash_agreement_item_party", "dash_agreement_item", "dash_agreement_domain",
                "dash_agreement_participant", "dash_agreement_payment", "dash_agreement");
    }

    Optional<AgreementRow> agreement(String id) {
        return store.row("agreement:" + id, () -> store.first("SELECT " + String.join(", ", AGREEMENT_COLUMNS)
                        + " FROM dash_agreement WHERE id = ?",
                (rs, i) -> new AgreementRow(agreement(rs),
                        new CooperationItemCounts(rs.getLong(13), rs.getLong(14), rs.getLong(15),
                                rs.getLong(16)), money(rs, 17), rs.getInt(18), rs.getInt(19), rs.getLong(22),
                        rs.getLong(23), time(rs, 24)), id));
    }

    /**
     * The agreement's state as its columns hold it: everything the row shows. The state lists its participants in
     * the order they signed or observed (signatories, then observers, as the columns keep them: only their order
     * within a role shows); the dates they joined are in {@code dash_agreement_participant}, so the state's are the
     * signing date. The summary and a closure's reason stay in the events.
     */
    private static AgreementState agreement(ResultSet rs) throws SQLException {
        LocalDate signedOn = date(rs, 5);
        List<AgreementState.Participant> participants = new ArrayList<>();
        Codes.split(rs.getString(11)).forEach(p -> participants.add(
                new AgreementState.Participant(p, ParticipantRole.SIGNATORY, signedOn)));
        Codes.split(rs.getString(12)).forEach(p -> participants.add(
                new AgreementState.Participant(p, ParticipantRole.OBSERVER, signedOn)));
        LocalDate closedOn = date(rs, 20);
        return new AgreementState(rs.getString(1), rs.getString(2), AgreementKind.valueOf(rs.getString(3)),
                List.copyOf(participants), signedOn, rs.getString(8), rs.getString(9),
                Set.copyOf(Codes.split(rs.getString(10)).stream().map(CooperationDomain::valueOf).toList()), null,
                AgreementStatus.valueOf(rs.getString(4)),
                closedOn == null ? null : new AgreementState.Closure(closedOn, null, rs.getString(21)), List.of(),
                List.of(), List.of(), rs.getLong(22) + 1);
    }

    void save(AgreementRow r) {
        store.save("agreement:" + r.id(), r, new Write(upsertAgreement, new Object[]{r.id(), r.title(),
                r.kind().name(), r.status().name(), r.signedOn(), r.signedOn().getYear(), month(r.signedOn()),
                r.place(), r.occasion(), Codes.join(r.domains().stream().map(Enum::name).toList()),
                Codes.join(r.signatories()), Codes.join(r.observers()), r.items().listed(), r.items().started(),
                r.items().completed(), r.items().dropped(), r.paymentsTotal().yuan(), r.payments(), r.amendments(),
                r.closedOn(), r.supersededBy(), r.lastSequence(), r.lastPosition(), r.updatedAt()}));
    }

    void saveParticipant(String agreementId, String partyCode, ParticipantRole role, LocalDate since,
                         long sequence) {
        Participant p = new Participant(agreementId, partyCode, role, since, sequence);
        store.save("participant:" + agreementId + "/" + partyCode, p, write(p));
    }

    private Write write(Participant p) {
        return new Write(upsertParticipant, new Object[]{p.agreementId(), p.partyCode(), p.role().name(), p.since(),
                p.sequence()});
    }

    /** Replaces the agreement's domains with those of {@code row}. */
    void saveDomains(AgreementRow row) {
        store.replaceLinks("DELETE FROM dash_agreement_domain WHERE agreement_id = ?", new Object[]{row.id()},
                "INSERT INTO dash_agreement_domain (agreement_id, domain_code) VALUES (?, ?)",
                row.domains().stream().map(d -> new Object[]{row.id(), d.name()}).toList());
    }

    Optional<AgreementItemRow> item(String agreementId, String itemId) {
        return store.row("agreement-item:" + agreementId + "/" + itemId, () -> store.first("SELECT "
                        + String.join(", ", ITEM_COLUMNS) + " FROM dash_agreement_item WHERE agreement_id = ? "
                        + "AND item_id = ?",
                // the columns hold what counts and lists need; evidence and reasons stay in the events
                (rs, i) -> new AgreementItemRow(rs.getString(1), new CooperationItem(rs.getString(2),
                        rs.getString(3), rs.getString(4) == null ? null : CooperationDomain.valueOf(rs.getString(4)),
                        Codes.split(rs.getString(6)), date(rs, 8), date(rs, 7), ItemStatus.valueOf(rs.getString(5)),
                        date(rs, 9), date(rs, 10), null, date(rs, 11), null, rs.getInt(12), rs.getString(13)),
                        rs.getLong(14), rs.getLong(15), time(rs, 16)),
                agreementId, itemId));
    }

    void save(AgreementItemRow r) {
        store.save("agreement-item:" + r.agreementId() + "/" + r.itemId(), r, new Write(upsertItem, new Object[]{
                r.agreementId(), r.itemId(), r.description(), r.domain() == null ? null : r.domain().name(),
                r.status().name(), Codes.join(r.responsibleParties()), r.listedOn(), r.dueOn(), r.startedOn(),
                r.completedOn(), r.droppedOn(), r.itemCount(), r.note(), r.lastSequence(), r.lastPosition(),
                r.updatedAt()}));
    }

    /** Replaces the responsible parties of a cooperation item with those of {@code row}. */
    void saveResponsible(AgreementItemRow row) {
        store.replaceLinks("DELETE FROM dash_agreement_item_party WHERE agreement_id = ? AND item_id = ?",
                new Object[]{row.agreementId(), row.itemId()},
                "INSERT INTO dash_agreement_item_party (agreement_id, item_id, party_code) VALUES (?, ?, ?)",
                row.responsibleParties().stream().distinct()
                        .map(p -> new Object[]{row.agreementId(), row.itemId(), p}).toList());
    }

    /**
     * The participants after the signing date was corrected from {@code from} to {@code to}, as the core's rule
     * ({@link AgreementState.Participant#sinceAfterSigningCorrection}) says.
     */
    void signingCorrected(String agreementId, LocalDate from, LocalDate to, long sequence) {
        // Participants this batch saved are still in memory and newer than the table's rows: change them there.
        Set<String> pending = new HashSet<>();
        store.changePending(Participant.class, p -> {
            if (!p.agreementId().equals(agreementId)) {
                return p;
            }
            pending.add(p.partyCode());
            LocalDate since = AgreementState.Participant.sinceAfterSigningCorrection(p.since(), from, to);
            return since.equals(p.since()) ? p : new Participant(agreementId, p.partyCode(), p.role(), since, sequence);
        }, this::write);
        List<Participant> stored = store.query("SELECT party_code, party_role, since FROM dash_agreement_participant "
                        + "WHERE agreement_id = ?", (rs, i) -> new Participant(agreementId, rs.getString(1),
                        ParticipantRole.valueOf(rs.getString(2)), date(rs, 3), sequence), agreementId);
        for (Participant p : stored) {
            LocalDate since = AgreementState.Participant.sinceAfterSigningCorrection(p.since(), from, to);
            if (!pending.contains(p.partyCode()) && !since.equals(p.since())) {
                saveParticipant(agreementId, p.partyCode(), p.role(), since, sequence);
            }
        }
    }

    Optional<PaymentRow> payment(String agreementId, String paymentId) {
        return store.row("payment:" + agreementId + "/" + paymentId, () -> store.first("SELECT "
                        + String.join(", ", PAYMENT_COLUMNS)
                        + " FROM dash_agreement_payment WHERE agreement_id = ? AND payment_id = ?",
                // the purpose stays in the events: the tables need the parties, the amount and the date
                (rs, i) -> new PaymentRow(rs.getString(1), new Payment(rs.getString(2), rs.getString(3),
                        rs.getString(4), money(rs, 5), date(rs, 6), null), rs.getLong(7), rs.getLong(8), time(rs, 9)),
                agreementId, paymentId));
    }

    void save(PaymentRow r) {
        store.save("payment:" + r.agreementId() + "/" + r.paymentId(), r, new Write(upsertPayment, new Object[]{
                r.agreementId(), r.paymentId(), r.payer(), r.payee(), r.amount().yuan(), r.paidOn(),
                r.lastSequence(), r.lastPosition(), r.updatedAt()}));
    }
}
