package coop.ledger.processing;

import coop.ledger.agreement.AgreementItemRow;
import coop.ledger.agreement.AgreementRow;
import coop.ledger.agreement.ItemCounts;
import coop.ledger.agreement.PaymentRow;
import coop.ledger.party.PartyRow;
import coop.ledger.programme.ProgrammeItemRow;
import coop.ledger.programme.ProgrammeRow;
import coop.ledger.project.InvestmentReportRow;
import coop.ledger.project.ProjectRow;
import coop.ledger.shared.query.Codes;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.party.api.PartyKind;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the projection rows (a plain component: no exception-translating proxy on this hot path).
 * Every write is an upsert keyed by id (or a replace of a record's link
 * rows), so applying the same row twice leaves the tables as once.
 */
@Component
public class ReadModelStore {

    /** Every projection table, children before parents; the reset clears them all. */
    public static final List<String> TABLES = List.of("dash_agreement_item_party", "dash_agreement_item",
            "dash_agreement_domain", "dash_agreement_participant", "dash_agreement_payment", "dash_agreement",
            "dash_project_party", "dash_project_investment", "dash_project", "dash_programme_item_party", "dash_programme_item", "dash_programme_party",
            "dash_programme", "dash_party");

    private static final List<String> PARTY_COLUMNS = List.of("code", "name_zh", "name_en", "kind", "parent_code",
            "established_on", "renames", "last_sequence", "last_position", "updated_at");
    private static final List<String> AGREEMENT_COLUMNS = List.of("id", "title", "kind", "status", "signed_on",
            "signed_year", "signed_month", "place", "occasion", "domains", "signatories", "observers", "items_listed",
            "items_started", "items_completed", "items_dropped", "payments_total", "payments", "amendments",
            "closed_on", "superseded_by", "last_sequence", "last_position", "updated_at");
    private static final List<String> AGREEMENT_ITEM_COLUMNS = List.of("agreement_id", "item_id", "description",
            "domain_code", "status", "responsible_parties", "listed_on", "due_on", "started_on", "completed_on",
            "dropped_on", "item_count", "note", "last_sequence", "last_position", "updated_at");
    private static final List<String> PAYMENT_COLUMNS = List.of("agreement_id", "payment_id", "payer", "payee",
            "amount", "paid_on", "last_sequence", "last_position", "updated_at");
    private static final List<String> INVESTMENT_COLUMNS = List.of("project_id", "report_id", "amount",
            "reported_on", "last_sequence", "last_position", "updated_at");
    private static final List<String> PROJECT_COLUMNS = List.of("id", "name", "status", "intention", "host_parties",
            "investors", "occasion", "agreement_id", "domain_code", "agreed_investment", "actual_investment",
            "investment_reports", "project_count", "signed_on", "signed_year", "signed_month", "firmed_up_on",
            "started_on", "completed_on", "cancelled_on", "note", "last_sequence", "last_position", "updated_at");
    private static final List<String> PROGRAMME_COLUMNS = List.of("id", "name", "period_text", "participants",
            "categories", "declared_on", "note", "last_sequence", "last_position", "updated_at");
    private static final List<String> PROGRAMME_ITEM_COLUMNS = List.of("programme_id", "item_id", "name", "category",
            "status", "added_later", "item_count", "responsible_parties", "target_on", "listed_on", "completed_on",
            "withdrawn_on", "last_sequence", "last_position", "updated_at");

    private final JdbcTemplate jdbc;
    private final String upsertParty;
    private final String upsertAgreement;
    private final String upsertAgreementItem;
    private final String upsertParticipant;
    private final String upsertPayment;
    private final String upsertInvestment;
    private final String upsertProject;
    private final String upsertProgramme;
    private final String upsertProgrammeItem;

    public ReadModelStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        SqlDialect dialect = SqlDialect.of(jdbc);
        upsertParty = dialect.upsert("dash_party", List.of("code"), PARTY_COLUMNS);
        upsertAgreement = dialect.upsert("dash_agreement", List.of("id"), AGREEMENT_COLUMNS);
        upsertAgreementItem = dialect.upsert("dash_agreement_item", List.of("agreement_id", "item_id"),
                AGREEMENT_ITEM_COLUMNS);
        upsertParticipant = dialect.upsert("dash_agreement_participant", List.of("agreement_id", "party_code"),
                List.of("agreement_id", "party_code", "party_role", "since", "last_sequence"));
        upsertPayment = dialect.upsert("dash_agreement_payment", List.of("agreement_id", "payment_id"),
                PAYMENT_COLUMNS);
        upsertInvestment = dialect.upsert("dash_project_investment", List.of("project_id", "report_id"),
                INVESTMENT_COLUMNS);
        upsertProject = dialect.upsert("dash_project", List.of("id"), PROJECT_COLUMNS);
        upsertProgramme = dialect.upsert("dash_programme", List.of("id"), PROGRAMME_COLUMNS);
        upsertProgrammeItem = dialect.upsert("dash_programme_item", List.of("programme_id", "item_id"),
                PROGRAMME_ITEM_COLUMNS);
    }

    /**
     * Rows read and written while one projection batch is processed. A batch applies up to thousands of events in
     * one transaction, often several of the same record in a row: each row is read from the table once and
     * written once, and each set of link rows (a record's participants, domains, responsible parties) is replaced
     * once with its last value, in JDBC batches, just before the transaction commits. Outside a unit of work rows
     * are written at once.
     */
    private final class BatchRows {
        private final Map<String, Object> rows = new HashMap<>();
        private final Map<String, Object> dirty = new LinkedHashMap<>();
        private final Map<String, Links> links = new LinkedHashMap<>();

        void flush() {
            Map<String, List<Object[]>> byStatement = new LinkedHashMap<>();
            dirty.values().forEach(row -> {
                Write w = write(row);
                byStatement.computeIfAbsent(w.sql(), k -> new ArrayList<>()).add(w.args());
            });
            // Every replaced set's old rows go first, then all the new ones: a delete only touches its own key.
            Map<String, List<Object[]>> deletes = new LinkedHashMap<>();
            Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
            links.values().forEach(l -> {
                deletes.computeIfAbsent(l.delete(), k -> new ArrayList<>()).add(l.key());
                if (!l.rows().isEmpty()) {
                    inserts.computeIfAbsent(l.insert(), k -> new ArrayList<>()).addAll(l.rows());
                }
            });
            byStatement.forEach(jdbc::batchUpdate);
            deletes.forEach(jdbc::batchUpdate);
            inserts.forEach(jdbc::batchUpdate);
            dirty.clear();
            links.clear();
        }
    }

    private record Write(String sql, Object[] args) {
    }

    /** One participant row, kept in the batch until it is written. */
    private record Participant(String agreementId, String partyCode, ParticipantRole role, LocalDate since,
                               long sequence) {
    }

    /** The link rows of one key, replacing whatever the table held for that key. */
    private record Links(String delete, Object[] key, String insert, List<Object[]> rows) {
    }

    private static final String BATCH_ROWS = ReadModelStore.class.getName() + ".rows";

    private BatchRows batchRows() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH_ROWS, key -> {
            emptyIfReset();
            BatchRows rows = new BatchRows();
            unitOfWork.onPrepareCommit(u -> rows.flush());
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    private <R> Optional<R> cached(String key, java.util.function.Supplier<Optional<R>> load) {
        BatchRows rows = batchRows();
        if (rows == null) {
            return load.get();
        }
        if (rows.rows.containsKey(key)) {
            return Optional.of((R) rows.rows.get(key));
        }
        Optional<R> loaded = load.get();
        loaded.ifPresent(r -> rows.rows.put(key, r));
        return loaded;
    }

    private void put(String key, Object row) {
        BatchRows rows = batchRows();
        if (rows == null) {
            Write w = write(row);
            jdbc.update(w.sql(), w.args());
            return;
        }
        rows.rows.put(key, row);
        rows.dirty.put(key, row);
    }

    private Write write(Object row) {
        if (row instanceof Participant p) {
            return new Write(upsertParticipant, new Object[]{p.agreementId(), p.partyCode(), p.role().name(),
                    p.since(), p.sequence()});
        }
        if (row instanceof PartyRow r) {
            return new Write(upsertParty, new Object[]{r.code(), r.nameZh(), r.nameEn(), r.kind().name(),
                    r.parentCode(), r.establishedOn(), r.renames(), r.lastSequence(), r.lastPosition(), r.updatedAt()});
        }
        if (row instanceof AgreementRow r) {
            return new Write(upsertAgreement, new Object[]{r.id(), r.title(), r.kind().name(), r.status().name(),
                    r.signedOn(), r.signedOn().getYear(), month(r.signedOn()), r.place(), r.occasion(),
                    Codes.join(r.domains().stream().map(Enum::name).toList()), Codes.join(r.signatories()),
                    Codes.join(r.observers()), r.items().listed(), r.items().started(), r.items().completed(),
                    r.items().dropped(), r.paymentsTotal().yuan(), r.payments(), r.amendments(), r.closedOn(),
                    r.supersededBy(), r.lastSequence(), r.lastPosition(), r.updatedAt()});
        }
        if (row instanceof AgreementItemRow r) {
            return new Write(upsertAgreementItem, new Object[]{r.agreementId(), r.itemId(), r.description(),
                    r.domain() == null ? null : r.domain().name(), r.status().name(),
                    Codes.join(r.responsibleParties()), r.listedOn(), r.dueOn(), r.startedOn(), r.completedOn(),
                    r.droppedOn(), r.itemCount(), r.note(), r.lastSequence(), r.lastPosition(), r.updatedAt()});
        }
        if (row instanceof PaymentRow r) {
            return new Write(upsertPayment, new Object[]{r.agreementId(), r.paymentId(), r.payer(), r.payee(),
                    r.amount().yuan(), r.paidOn(), r.lastSequence(), r.lastPosition(), r.updatedAt()});
        }
        if (row instanceof InvestmentReportRow r) {
            return new Write(upsertInvestment, new Object[]{r.projectId(), r.reportId(), r.amount().yuan(),
                    r.reportedOn(), r.lastSequence(), r.lastPosition(), r.updatedAt()});
        }
        if (row instanceof ProjectRow r) {
            return new Write(upsertProject, new Object[]{r.id(), r.name(), r.status().name(), r.intention(),
                    Codes.join(r.hostParties()), Codes.join(r.investors()), r.occasion(), r.agreementId(),
                    r.domain() == null ? null : r.domain().name(), yuan(r.agreedInvestment()),
                    yuan(r.actualInvestment()), r.investmentReports(), r.projectCount(), r.signedOn(),
                    r.signedOn().getYear(), month(r.signedOn()), r.firmedUpOn(), r.startedOn(), r.completedOn(),
                    r.cancelledOn(), r.note(), r.lastSequence(), r.lastPosition(), r.updatedAt()});
        }
        if (row instanceof ProgrammeRow r) {
            return new Write(upsertProgramme, new Object[]{r.id(), r.name(), r.period(), Codes.join(r.participants()),
                    String.join("\n", r.categories()), r.declaredOn(), r.note(), r.lastSequence(), r.lastPosition(),
                    r.updatedAt()});
        }
        if (row instanceof ProgrammeItemRow r) {
            return new Write(upsertProgrammeItem, new Object[]{r.programmeId(), r.itemId(), r.name(), r.category(),
                    r.status().name(), r.addedLater(), r.itemCount(), Codes.join(r.responsibleParties()),
                    r.targetOn(), r.listedOn(), r.completedOn(), r.withdrawnOn(), r.lastSequence(),
                    r.lastPosition(), r.updatedAt()});
        }
        throw new IllegalArgumentException("not a projection row: " + row);
    }

    /**
     * Marks every projection table to be emptied before the next event is applied (a reset, before a replay
     * rebuilds them), in the caller's transaction. Emptying is left to the next batch: {@code DELETE} of a
     * million events' rows took H2 26 s in one transaction, {@code TRUNCATE} takes a fraction of a second, but H2
     * commits it at once, so it cannot share the reset's transaction.
     */
    public void emptyAllBeforeNextBatch() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM dash_reset_pending", Integer.class) == 0) {
            jdbc.update("INSERT INTO dash_reset_pending (marker) VALUES (1)");
        }
    }

    /** Empties every table if a reset asked for it; the tables are then empty before anything is written. */
    private void emptyIfReset() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM dash_reset_pending", Integer.class) > 0) {
            TABLES.forEach(table -> jdbc.execute("TRUNCATE TABLE " + table));
            jdbc.update("DELETE FROM dash_reset_pending");
        }
    }

    // ---------------------------------------------------------------- parties

    public Optional<PartyRow> party(String code) {
        return cached("party:" + code, () -> jdbc.query("SELECT " + String.join(", ", PARTY_COLUMNS) + " FROM dash_party WHERE code = ?",
                (rs, i) -> new PartyRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        PartyKind.valueOf(rs.getString(4)), rs.getString(5), date(rs, 6), rs.getInt(7), rs.getLong(8),
                        rs.getLong(9), time(rs, 10)), code).stream().findFirst());
    }

    public void save(PartyRow r) {
        put("party:" + r.code(), r);
    }

    // ---------------------------------------------------------------- agreements

    public Optional<AgreementRow> agreement(String id) {
        return cached("agreement:" + id, () -> jdbc.query("SELECT " + String.join(", ", AGREEMENT_COLUMNS) + " FROM dash_agreement WHERE id = ?",
                (rs, i) -> new AgreementRow(rs.getString(1), rs.getString(2), AgreementKind.valueOf(rs.getString(3)),
                        AgreementStatus.valueOf(rs.getString(4)), date(rs, 5), rs.getString(8), rs.getString(9),
                        Codes.split(rs.getString(10)).stream().map(CooperationDomain::valueOf).toList(),
                        Codes.split(rs.getString(11)), Codes.split(rs.getString(12)),
                        new ItemCounts(rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16)), money(rs, 17),
                        rs.getInt(18), rs.getInt(19), date(rs, 20), rs.getString(21), rs.getLong(22), rs.getLong(23),
                        time(rs, 24)), id).stream().findFirst());
    }

    public void save(AgreementRow r) {
        put("agreement:" + r.id(), r);
    }

    public void saveParticipant(String agreementId, String partyCode, ParticipantRole role, LocalDate since,
                                long sequence) {
        put("participant:" + agreementId + "/" + partyCode,
                new Participant(agreementId, partyCode, role, since, sequence));
    }

    /** Replaces the agreement's domains with those of {@code row}. */
    public void saveDomains(AgreementRow row) {
        replaceLinks("DELETE FROM dash_agreement_domain WHERE agreement_id = ?", new Object[]{row.id()},
                "INSERT INTO dash_agreement_domain (agreement_id, domain_code) VALUES (?, ?)",
                row.domains().stream().map(d -> new Object[]{row.id(), d.name()}).toList());
    }

    public Optional<AgreementItemRow> agreementItem(String agreementId, String itemId) {
        return cached("agreement-item:" + agreementId + "/" + itemId, () -> jdbc.query("SELECT " + String.join(", ", AGREEMENT_ITEM_COLUMNS)
                        + " FROM dash_agreement_item WHERE agreement_id = ? AND item_id = ?",
                (rs, i) -> new AgreementItemRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : CooperationDomain.valueOf(rs.getString(4)),
                        ItemStatus.valueOf(rs.getString(5)), Codes.split(rs.getString(6)), date(rs, 7), date(rs, 8),
                        date(rs, 9), date(rs, 10), date(rs, 11), rs.getInt(12), rs.getString(13), rs.getLong(14),
                        rs.getLong(15), time(rs, 16)),
                agreementId, itemId).stream().findFirst());
    }

    public void save(AgreementItemRow r) {
        put("agreement-item:" + r.agreementId() + "/" + r.itemId(), r);
    }

    /** Replaces the responsible parties of a cooperation item with those of {@code row}. */
    public void saveResponsible(AgreementItemRow row) {
        replaceLinks("DELETE FROM dash_agreement_item_party WHERE agreement_id = ? AND item_id = ?",
                new Object[]{row.agreementId(), row.itemId()},
                "INSERT INTO dash_agreement_item_party (agreement_id, item_id, party_code) VALUES (?, ?, ?)",
                row.responsibleParties().stream().distinct()
                        .map(p -> new Object[]{row.agreementId(), row.itemId(), p}).toList());
    }

    /** Participants who joined at the signing ({@code since} = its date) take the corrected signing date. */
    public void moveParticipantsSince(String agreementId, LocalDate from, LocalDate to, long sequence) {
        BatchRows batch = batchRows();
        if (batch != null) {
            // Participants this batch saved are still in memory: move them there. A stale row of the same party in
            // the table may be moved below too; the batch's own row overwrites it when the batch is written.
            batch.dirty.replaceAll((key, row) -> row instanceof Participant p && p.agreementId().equals(agreementId)
                    && p.since().equals(from) ? new Participant(agreementId, p.partyCode(), p.role(), to, sequence)
                    : row);
        }
        jdbc.update("UPDATE dash_agreement_participant SET since = ?, last_sequence = ? WHERE agreement_id = ? "
                + "AND since = ?", to, sequence, agreementId, from);
    }

    public Optional<PaymentRow> payment(String agreementId, String paymentId) {
        return cached("payment:" + agreementId + "/" + paymentId, () -> jdbc.query("SELECT "
                        + String.join(", ", PAYMENT_COLUMNS)
                        + " FROM dash_agreement_payment WHERE agreement_id = ? AND payment_id = ?",
                (rs, i) -> new PaymentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        money(rs, 5), date(rs, 6), rs.getLong(7), rs.getLong(8), time(rs, 9)),
                agreementId, paymentId).stream().findFirst());
    }

    public void save(PaymentRow r) {
        put("payment:" + r.agreementId() + "/" + r.paymentId(), r);
    }

    // ---------------------------------------------------------------- projects

    public Optional<InvestmentReportRow> investmentReport(String projectId, String reportId) {
        return cached("investment:" + projectId + "/" + reportId, () -> jdbc.query("SELECT "
                        + String.join(", ", INVESTMENT_COLUMNS)
                        + " FROM dash_project_investment WHERE project_id = ? AND report_id = ?",
                (rs, i) -> new InvestmentReportRow(rs.getString(1), rs.getString(2), money(rs, 3), date(rs, 4),
                        rs.getLong(5), rs.getLong(6), time(rs, 7)),
                projectId, reportId).stream().findFirst());
    }

    public void save(InvestmentReportRow r) {
        put("investment:" + r.projectId() + "/" + r.reportId(), r);
    }

    public Optional<ProjectRow> project(String id) {
        return cached("project:" + id, () -> jdbc.query("SELECT " + String.join(", ", PROJECT_COLUMNS) + " FROM dash_project WHERE id = ?",
                (rs, i) -> new ProjectRow(rs.getString(1), rs.getString(2), ProjectStatus.valueOf(rs.getString(3)),
                        rs.getBoolean(4), Codes.split(rs.getString(5)), Codes.split(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9) == null ? null : CooperationDomain.valueOf(rs.getString(9)),
                        money(rs, 10), money(rs, 11), rs.getInt(12), rs.getInt(13), date(rs, 14), date(rs, 17),
                        date(rs, 18), date(rs, 19), date(rs, 20), rs.getString(21), rs.getLong(22), rs.getLong(23),
                        time(rs, 24)), id).stream().findFirst());
    }

    public void save(ProjectRow r) {
        put("project:" + r.id(), r);
    }

    /** Replaces the project's links to its host parties (HOST) and investors (INVESTOR). */
    public void saveProjectParties(ProjectRow row) {
        List<Object[]> links = new ArrayList<>();
        row.hostParties().stream().distinct().forEach(p -> links.add(new Object[]{row.id(), p, "HOST"}));
        row.investors().stream().distinct().forEach(p -> links.add(new Object[]{row.id(), p, "INVESTOR"}));
        replaceLinks("DELETE FROM dash_project_party WHERE project_id = ?", new Object[]{row.id()},
                "INSERT INTO dash_project_party (project_id, party_code, party_role) VALUES (?, ?, ?)", links);
    }

    // ---------------------------------------------------------------- programmes

    public Optional<ProgrammeRow> programme(String id) {
        return cached("programme:" + id, () -> jdbc.query("SELECT " + String.join(", ", PROGRAMME_COLUMNS) + " FROM dash_programme WHERE id = ?",
                (rs, i) -> new ProgrammeRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        Codes.split(rs.getString(4)), splitText(rs.getString(5)), date(rs, 6), rs.getString(7),
                        rs.getLong(8), rs.getLong(9), time(rs, 10)), id).stream().findFirst());
    }

    public void save(ProgrammeRow r) {
        put("programme:" + r.id(), r);
    }

    public void saveProgrammeParties(ProgrammeRow row) {
        replaceLinks("DELETE FROM dash_programme_party WHERE programme_id = ?", new Object[]{row.id()},
                "INSERT INTO dash_programme_party (programme_id, party_code) VALUES (?, ?)",
                row.participants().stream().distinct().map(p -> new Object[]{row.id(), p}).toList());
    }

    public Optional<ProgrammeItemRow> programmeItem(String programmeId, String itemId) {
        return cached("programme-item:" + programmeId + "/" + itemId, () -> jdbc.query("SELECT " + String.join(", ", PROGRAMME_ITEM_COLUMNS)
                        + " FROM dash_programme_item WHERE programme_id = ? AND item_id = ?",
                (rs, i) -> new ProgrammeItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ServiceItemStatus.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getInt(7),
                        Codes.split(rs.getString(8)), date(rs, 9), date(rs, 10), date(rs, 11), date(rs, 12),
                        rs.getLong(13), rs.getLong(14), time(rs, 15)), programmeId, itemId).stream().findFirst());
    }

    public void save(ProgrammeItemRow r) {
        put("programme-item:" + r.programmeId() + "/" + r.itemId(), r);
    }

    public void saveResponsible(ProgrammeItemRow row) {
        replaceLinks("DELETE FROM dash_programme_item_party WHERE programme_id = ? AND item_id = ?",
                new Object[]{row.programmeId(), row.itemId()},
                "INSERT INTO dash_programme_item_party (programme_id, item_id, party_code) VALUES (?, ?, ?)",
                row.responsibleParties().stream().distinct()
                        .map(p -> new Object[]{row.programmeId(), row.itemId(), p}).toList());
    }

    // ---------------------------------------------------------------- helpers

    private void replaceLinks(String delete, Object[] key, String insert, List<Object[]> rows) {
        BatchRows batch = batchRows();
        if (batch != null) {
            batch.links.put(delete + java.util.Arrays.asList(key), new Links(delete, key, insert, rows));
            return;
        }
        jdbc.update(delete, key);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(insert, rows);
        }
    }

    static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    private static List<String> splitText(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    private static BigDecimal yuan(Money money) {
        return money == null ? null : money.yuan();
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : new Money(value);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
