package coop.ledger.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code ledger_seal} table. */
final class SealStore {

    private SealStore() {
    }

    static List<Seal> all(Connection connection) throws SQLException {
        List<Seal> seals = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT up_to_position, event_count, root, previous_root, "
                     + "sealed_at, ledger_id, key_id, signature FROM ledger_seal ORDER BY up_to_position, seal_id")) {
            while (rs.next()) {
                seals.add(new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getString(8)));
            }
        }
        return seals;
    }

    static void insert(Connection connection, Seal seal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_seal (up_to_position, "
                + "event_count, root, previous_root, sealed_at, ledger_id, key_id, signature) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seal.position());
            insert.setLong(2, seal.events());
            insert.setString(3, seal.root());
            insert.setString(4, seal.previousRoot());
            insert.setObject(5, seal.sealedAt().atOffset(ZoneOffset.UTC));
            insert.setString(6, seal.ledgerId());
            insert.setString(7, seal.keyId());
            insert.setString(8, seal.signature());
            insert.executeUpdate();
        }
    }

    /** The seal made up to exactly {@code position}, or null. */
    static Seal at(Connection connection, long position) throws SQLException {
        return all(connection).stream().filter(s -> s.position() == position).findFirst().orElse(null);
    }

    /** The newest seal, or null when nothing was sealed yet. */
    static Seal latest(Connection connection) throws SQLException {
        List<Seal> seals = all(connection);
        return seals.isEmpty() ? null : seals.get(seals.size() - 1);
    }
}
