package io.stocksense.cloud.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gap-free document numbers ({@code PO-000001}, {@code INV-000042}). The series' counter row is
 * locked ({@code FOR UPDATE}) and advanced on the caller's transaction: a second transaction issuing
 * from the same series waits until the first commits or rolls back, so numbers are consecutive and a
 * rolled-back document gives its number back. Keep the document's transaction short.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /** The next number of {@code series}, formatted {@code SERIES-000001}. */
    public static String next(Connection c, String series) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_counter (series) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, series);
            ps.executeUpdate();
        }
        long n;
        try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM document_counter WHERE series = ? FOR UPDATE")) {
            ps.setString(1, series);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE document_counter SET next_value = next_value + 1 WHERE series = ?")) {
            ps.setString(1, series);
            ps.executeUpdate();
        }
        return String.format("%s-%06d", series, n);
    }
}
