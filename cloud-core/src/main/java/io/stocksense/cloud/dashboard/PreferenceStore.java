package io.stocksense.cloud.dashboard;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Per-user UI preferences (the language). Blocking JDBC; call from a worker thread. */
public final class PreferenceStore {

    private final DataSource dataSource;

    public PreferenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> language(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT lang FROM user_preference WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void setLanguage(String username, String lang) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO user_preference (username, lang) VALUES (?, ?)"
                     + " ON CONFLICT (username) DO UPDATE SET lang = EXCLUDED.lang, updated_at = now()")) {
            ps.setString(1, username);
            ps.setString(2, lang);
            ps.executeUpdate();
        }
    }
}
