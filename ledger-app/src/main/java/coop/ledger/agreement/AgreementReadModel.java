package coop.ledger.agreement;

import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.party.PartyNames;
import coop.ledger.shared.query.Where;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.shared.query.Codes;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists agreements from {@code dash_agreement}. */
@Component
public class AgreementReadModel {

    /** Sort keys clients may use, and the column each orders by. */
    public static final Map<String, String> SORTS = Map.of("signedOn", "a.signed_on", "title", "a.title",
            "id", "a.id", "status", "a.status", "kind", "a.kind", "paymentsTotal", "a.payments_total",
            "itemsCompleted", "a.items_completed",
            "itemsTotal", "(a.items_listed + a.items_started + a.items_completed + a.items_dropped)",
            "updated", "a.last_position");

    private final JdbcTemplate jdbc;
    private final PartyNames partyNames;

    public AgreementReadModel(DataSource dataSource, PartyNames partyNames) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.partyNames = partyNames;
    }

    /** The WHERE clause of the agreement filters over {@code dash_agreement a}. */
    public static Where where(Filters f) {
        return new Where()
                .and("EXISTS (SELECT 1 FROM dash_agreement_participant fp WHERE fp.agreement_id = a.id "
                        + "AND fp.party_code = ?)", f.party())
                .andIn("EXISTS (SELECT 1 FROM dash_agreement_domain fd WHERE fd.agreement_id = a.id "
                        + "AND fd.domain_code IN (%s))", f.domains())
                .andIn("a.kind IN (%s)", f.kinds())
                .andIn("a.status IN (%s)", f.statuses())
                .and("a.occasion = ?", f.occasion())
                .and("a.signed_on >= ?", f.from())
                .and("a.signed_on <= ?", f.to());
    }

    public Page<AgreementItem> list(Filters filters, PageRequest page) {
        Where where = where(filters);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM dash_agreement a" + where.sql(), Long.class,
                where.args().toArray());
        record Raw(String id, String title, String kind, String status, LocalDate signedOn, String place,
                   String occasion, String domains, List<String> signatories, List<String> observers, long listed,
                   long started, long completed, long dropped, java.math.BigDecimal payments, int paymentCount,
                   int amendments, LocalDate closedOn, String supersededBy, long lastSequence) {
        }
        List<Raw> rows = jdbc.query("SELECT a.id, a.title, a.kind, a.status, a.signed_on, a.place, a.occasion, "
                        + "a.domains, a.signatories, a.observers, a.items_listed, a.items_started, a.items_completed, "
                        + "a.items_dropped, a.payments_total, a.payments, a.amendments, a.closed_on, a.superseded_by, "
                        + "a.last_sequence FROM dash_agreement a" + where.sql() + " ORDER BY " + page.orderBy()
                        + ", a.id LIMIT ? OFFSET ?",
                (rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        Codes.split(rs.getString(9)), Codes.split(rs.getString(10)), rs.getLong(11), rs.getLong(12),
                        rs.getLong(13), rs.getLong(14), rs.getBigDecimal(15), rs.getInt(16), rs.getInt(17),
                        rs.getObject(18, LocalDate.class), rs.getString(19), rs.getLong(20)),
                where.argsWith(page.size(), page.offset()));
        List<String> codes = new ArrayList<>();
        rows.forEach(r -> {
            codes.addAll(r.signatories());
            codes.addAll(r.observers());
        });
        Map<String, PartyNames.Names> names = partyNames.of(codes);
        List<AgreementItem> items = rows.stream().map(r -> new AgreementItem(r.id(), r.title(),
                Label.of(AgreementKind.valueOf(r.kind())), Label.of(AgreementStatus.valueOf(r.status())),
                r.signedOn(), r.place(), r.occasion(),
                Codes.split(r.domains()).stream().map(d -> Label.of(CooperationDomain.valueOf(d))).toList(),
                partyNames.refs(names, r.signatories()), partyNames.refs(names, r.observers()),
                ItemProgress.of(new CooperationItemCounts(r.listed(), r.started(), r.completed(), r.dropped())),
                Amount.of(new Money(r.payments())), r.paymentCount(), r.amendments(), r.closedOn(), r.supersededBy(),
                r.lastSequence() + 1)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
