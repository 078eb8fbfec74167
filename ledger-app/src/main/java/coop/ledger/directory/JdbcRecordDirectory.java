package coop.ledger.directory;

import coop.ledger.shared.PartyKind;
import coop.ledger.shared.RecordDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.Optional;

/** The {@link RecordDirectory} the aggregates consult, read from the table {@link RecordDirectoryProjection} keeps. */
@Repository
class JdbcRecordDirectory implements RecordDirectory {

    static final String PARTY = "PARTY";
    static final String AGREEMENT = "AGREEMENT";

    private final JdbcTemplate jdbc;

    public JdbcRecordDirectory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<PartyEntry> party(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT record_id, party_kind, parent_code, name_zh FROM record_directory "
                                + "WHERE record_type = ? AND record_id = ?",
                        (rs, i) -> new PartyEntry(rs.getString(1), PartyKind.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4)),
                        PARTY, code)
                .stream().findFirst();
    }

    @Override
    public boolean agreementExists(String agreementId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM record_directory WHERE record_type = ? AND record_id = ?",
                Integer.class, AGREEMENT, agreementId);
        return count != null && count > 0;
    }
}
