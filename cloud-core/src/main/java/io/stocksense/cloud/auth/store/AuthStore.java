package io.stocksense.cloud.auth.store;

import io.stocksense.cloud.auth.api.TokenResponse;
import io.stocksense.cloud.auth.domain.Principal;
import io.stocksense.cloud.auth.domain.Role;
import io.stocksense.cloud.auth.domain.Secrets;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords and bearer tokens. Tokens are stored only as SHA-256 digests with an expiry, so they can be
 * revoked and a database dump yields no usable token. A token's user is looked up with its roles and
 * warehouse scope on every request, so a role change or a deleted user takes effect at once.
 * Blocking; call from a worker thread.
 */
public final class AuthStore {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    /** Checked against when the user does not exist, so an unknown name costs as much time as a wrong password. */
    private static final String DUMMY_HASH = Secrets.hashPassword("no-such-user-" + Secrets.newToken());

    private final DataSource dataSource;

    public AuthStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when the user exists and the password is its password (unknown user and wrong password alike false). */
    public boolean checkPassword(String username, String password) throws SQLException {
        Optional<String> hash = passwordHash(username);
        boolean matches = Secrets.passwordMatches(password, hash.orElse(DUMMY_HASH));
        return hash.isPresent() && matches;
    }

    /** A new token for a user whose password was checked. */
    public TokenResponse issueToken(String username) throws SQLException {
        String token = Secrets.newToken();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO auth_token (token_sha256, username, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, Secrets.sha256Hex(token));
            ps.setString(2, username);
            ps.setTimestamp(3, Timestamp.from(Instant.now().plus(TOKEN_LIFETIME)));
            ps.executeUpdate();
        }
        return new TokenResponse(token, "Bearer", TOKEN_LIFETIME.toSeconds());
    }

    /** The user a token belongs to, with roles and scope, when it is known, not expired and not revoked. */
    public Optional<Principal> authenticate(String token) throws SQLException {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT u.username, u.roles, u.warehouses FROM auth_token t"
                     + " JOIN app_user u ON u.username = t.username"
                     + " WHERE t.token_sha256 = ? AND NOT t.revoked AND t.expires_at > now()")) {
            ps.setString(1, Secrets.sha256Hex(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Principal(rs.getString(1), roles(rs.getArray(2)), texts(rs.getArray(3))))
                        : Optional.empty();
            }
        }
    }

    /** Revokes one token; true when it existed and was live. */
    public boolean revoke(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE auth_token SET revoked = true WHERE token_sha256 = ? AND NOT revoked")) {
            ps.setString(1, Secrets.sha256Hex(token));
            return ps.executeUpdate() == 1;
        }
    }

    /** Revokes every live token of a user; the number revoked. */
    public int revokeAll(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE auth_token SET revoked = true WHERE username = ? AND NOT revoked")) {
            ps.setString(1, username);
            return ps.executeUpdate();
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

    /**
     * Creates the user with {@code rolesIfNew}, or replaces its password (its roles stay). Replacing a
     * password revokes the user's tokens.
     */
    public void setPassword(String username, String password, Set<Role> rolesIfNew) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, password_hash, roles) VALUES (?, ?, ?)"
                    + " ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()")) {
                ps.setString(1, username);
                ps.setString(2, Secrets.hashPassword(password));
                ps.setArray(3, c.createArrayOf("text", rolesIfNew.stream().map(Role::id).toArray()));
                ps.executeUpdate();
                revokeAll(c, username);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : texts(array)) {
            Role.parse(id).ifPresent(roles::add);
        }
        return roles;
    }

    static Set<String> texts(Array array) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }
}
