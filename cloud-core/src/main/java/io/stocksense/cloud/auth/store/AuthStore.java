package io.stocksense.cloud.auth.store;

import io.stocksense.cloud.auth.api.TokenResponse;
import io.stocksense.cloud.auth.domain.Secrets;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Users and bearer tokens. Tokens are stored only as SHA-256 digests with an expiry, so they can be
 * revoked and a database dump yields no usable token. Blocking; call from a worker thread.
 */
public final class AuthStore {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final DataSource dataSource;

    public AuthStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new token when the credentials are right; empty otherwise (unknown user or wrong password alike). */
    public Optional<TokenResponse> issueToken(String username, String password) throws SQLException {
        Optional<String> hash = passwordHash(username);
        if (hash.isEmpty() || !Secrets.passwordMatches(password, hash.get())) {
            return Optional.empty();
        }
        String token = Secrets.newToken();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO auth_token (token_sha256, username, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, Secrets.sha256Hex(token));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(Instant.now().plus(TOKEN_LIFETIME)));
            ps.executeUpdate();
        }
        return Optional.of(new TokenResponse(token, "Bearer", TOKEN_LIFETIME.toSeconds()));
    }

    /** The user a token belongs to, when it is known, not expired and not revoked. */
    public Optional<String> authenticate(String token) throws SQLException {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT username FROM auth_token WHERE token_sha256 = ?"
                     + " AND NOT revoked AND expires_at > now()")) {
            ps.setString(1, Secrets.sha256Hex(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Revokes one token; true when it existed. */
    public boolean revoke(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE auth_token SET revoked = true WHERE token_sha256 = ?")) {
            ps.setString(1, Secrets.sha256Hex(token));
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<String> passwordHash(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Creates the user or replaces its password. */
    public void setPassword(String username, String password) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, password_hash) VALUES (?, ?)"
                     + " ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()")) {
            ps.setString(1, username);
            ps.setString(2, Secrets.hashPassword(password));
            ps.executeUpdate();
        }
    }
}
