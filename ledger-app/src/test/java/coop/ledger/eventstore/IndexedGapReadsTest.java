package coop.ledger.eventstore;

import coop.ledger.testing.LedgerHttpTest;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed read after a token with gaps returns exactly what Axon's own statement returns, row for row and
 * column for column, whatever the gaps.
 */
class IndexedGapReadsTest extends LedgerHttpTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private EventSchema schema;

    @Test
    void returns_the_same_events_as_axons_statement_for_any_gaps() throws SQLException {
        for (int i = 0; i < 12; i++) {
            assertThat(api.post("/api/parties", object("code", "gap-read-" + i, "nameZh", "间隙读取" + i,
                    "kind", "GOVERNMENT")).send().status()).isEqualTo(201);
        }
        try (Connection connection = dataSource.getConnection()) {
            long head = head(connection);
            long[][] tokens = {{head - 6, 3}, {head - 6, 100}, {head - 1, 5}, {head, 2}, {1, 4}};
            List<List<Long>> gapSets = List.of(List.of(head - 8), List.of(head - 11, head - 9, head - 7),
                    List.of(head - 6), List.of(0L, 1L), List.of());
            for (long[] token : tokens) {
                for (List<Long> gaps : gapSets) {
                    List<Long> below = gaps.stream().filter(g -> g <= token[0]).toList();
                    List<List<Object>> expected = below.isEmpty()
                            ? rows(JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, schema,
                            token[0], (int) token[1]))
                            : rows(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema,
                            token[0], (int) token[1], below));
                    List<List<Object>> actual = rows(new IndexedGapReads().build(connection, schema, token[0],
                            (int) token[1], below));

                    assertThat(actual).as("after %d, batch %d, gaps %s", token[0], token[1], below)
                            .isEqualTo(expected);
                    assertThat(actual).as("after %d, batch %d, gaps %s", token[0], token[1], below)
                            .hasSizeGreaterThanOrEqualTo(Math.min((int) token[1], (int) (head - token[0])));
                }
            }
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<List<Object>> rows(PreparedStatement statement) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (statement; ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getMetaData().getColumnLabel(c).toLowerCase());
                    Object value = rs.getObject(c);
                    if (value instanceof Blob blob) {
                        value = blob.getBytes(1, (int) blob.length());
                    }
                    row.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
