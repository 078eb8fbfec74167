package coop.ledger.shared.write;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.Optional;

/** Reads what {@link IdempotencyInterceptor} remembered about earlier writes. */
@Repository
class IdempotencyStore {

    /**
     * The stored answer to a write made with an Idempotency-Key; {@code recorded} says whether the event it names
     * (the record's event at the version the write answered, the write's last) is in the event store.
     */
    public record StoredResult(String requestHash, String recordId, long version, boolean recorded) {
    }

    private static final String EVENT_OF_THE_KEY = "SELECT 1 FROM domain_event_entry e "
            + "WHERE e.aggregate_identifier = k.record_id AND e.sequence_number = k.version - 1";

    private final JdbcTemplate jdbc;

    public IdempotencyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<StoredResult> find(String key) {
        return jdbc.query("SELECT k.request_hash, k.record_id, k.version, EXISTS (" + EVENT_OF_THE_KEY + ") "
                        + "FROM idempotency_key k WHERE k.idem_key = ?",
                (rs, i) -> new StoredResult(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)), key)
                .stream().findFirst();
    }

    /**
     * Removes the key's row if its event is not in the event store. A key and its events commit in one transaction,
     * so such a row is not a recorded write but the remains of one a crash broke off; the write is recorded anew.
     */
    public void forgetUnrecorded(String key) {
        jdbc.update("DELETE FROM idempotency_key k WHERE k.idem_key = ? AND NOT EXISTS (" + EVENT_OF_THE_KEY + ")", key);
    }
}
