package coop.ledger.shared.write;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.Optional;

/** Reads what {@link IdempotencyInterceptor} remembered about earlier writes. */
@Repository
class IdempotencyStore {

    /** The stored answer to a write made with an Idempotency-Key. */
    public record StoredResult(String requestHash, String recordId, long version) {
    }

    private final JdbcTemplate jdbc;

    public IdempotencyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<StoredResult> find(String key) {
        return jdbc.query("SELECT request_hash, record_id, version FROM idempotency_key WHERE idem_key = ?",
                (rs, i) -> new StoredResult(rs.getString(1), rs.getString(2), rs.getLong(3)), key).stream().findFirst();
    }
}
