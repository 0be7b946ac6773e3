package io.stocksense.edge.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads of the dead-letter table (kept apart to keep {@link SqliteOutbox} small). */
final class DeadLetters {

    private DeadLetters() {
    }

    static List<DeadLetter> recent(Connection c, int limit) throws SQLException {
        List<DeadLetter> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT device_id, codec, reason, excerpt, payload_hex, received_at "
                + "FROM dead_letters ORDER BY id DESC LIMIT ?")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        return out;
    }
}
