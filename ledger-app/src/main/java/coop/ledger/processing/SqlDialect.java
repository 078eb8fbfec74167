package coop.ledger.processing;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one statement the read models need that H2 and PostgreSQL spell differently: an upsert keyed by id.
 * H2 2.x: {@code MERGE INTO t (...) KEY (...) VALUES (...)}; PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE}.
 */
public enum SqlDialect {
    H2,
    POSTGRESQL;

    public static SqlDialect of(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase().contains("postgres") ? POSTGRESQL : H2;
    }

    public String upsert(String table, List<String> keys, List<String> columns) {
        String cols = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks + ")";
        }
        String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") " + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
    }
}
