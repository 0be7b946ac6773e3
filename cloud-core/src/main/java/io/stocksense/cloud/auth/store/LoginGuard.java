package io.stocksense.cloud.auth.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Login lockout per user name, kept in PostgreSQL so every cloud-core instance sees it: after
 * {@code maxFailures} consecutive failed attempts the name is locked for {@code coolOff}, and every attempt
 * meanwhile is refused, even with the right password. A successful login clears the count. Names that
 * do not exist are counted the same way, so the answers do not reveal which names exist.
 * Blocking; call from a worker thread.
 */
public final class LoginGuard {

    public static final int MAX_FAILURES = 10;
    public static final Duration DEFAULT_COOL_OFF = Duration.ofMinutes(15);

    private final DataSource dataSource;
    private final int maxFailures;
    private final Duration coolOff;

    public LoginGuard(DataSource dataSource, int maxFailures, Duration coolOff) {
        if (maxFailures < 1 || coolOff.isNegative() || coolOff.isZero()) {
            throw new IllegalArgumentException("login lockout needs at least 1 failure and a positive cool-off period");
        }
        this.dataSource = dataSource;
        this.maxFailures = maxFailures;
        this.coolOff = coolOff;
    }

    /** How long the name stays locked, when it is locked now. */
    public Optional<Duration> lockedFor(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ceil(extract(epoch FROM locked_until - now()))::bigint"
                     + " FROM login_failure WHERE username = ? AND locked_until > now()")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Duration.ofSeconds(Math.max(1, rs.getLong(1)))) : Optional.empty();
            }
        }
    }

    /** Counts a failed attempt; the lock's duration when this attempt locked the name. */
    public Optional<Duration> failed(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO login_failure AS f (username, failures) VALUES (?, 1)"
                     + " ON CONFLICT (username) DO UPDATE SET failures = CASE WHEN f.locked_until IS NOT NULL"
                     + " AND f.locked_until <= now() THEN 1 ELSE f.failures + 1 END, last_failure = now(),"
                     + " locked_until = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN NULL"
                     + " ELSE f.locked_until END RETURNING failures")) {
            ps.setString(1, username);
            int failures;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                failures = rs.getInt(1);
            }
            if (failures < maxFailures) {
                return Optional.empty();
            }
            try (PreparedStatement lock = c.prepareStatement("UPDATE login_failure SET locked_until = now() + ? * interval '1 second'"
                    + " WHERE username = ?")) {
                lock.setLong(1, coolOff.toSeconds());
                lock.setString(2, username);
                lock.executeUpdate();
            }
            return Optional.of(coolOff);
        }
    }

    public void succeeded(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM login_failure WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
    }
}
