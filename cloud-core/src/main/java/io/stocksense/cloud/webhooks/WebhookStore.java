package io.stocksense.cloud.webhooks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook subscriptions, their queued deliveries and every attempt. Deliveries are queued by database triggers
 * in the transaction of their cause (V90); this store claims due ones for the dispatcher and records the outcome.
 * Claims use {@code FOR UPDATE SKIP LOCKED} and a lease, so several cloud-core instances never send one delivery
 * at once, and one that died mid-send is retried when the lease runs out. Blocking JDBC; thread-safe.
 */
public final class WebhookStore {

    /** A delivery claimed for sending: the exact body, and the subscription's URL and secret. */
    public record Due(long id, String eventId, String eventType, String body, int attempts, String url, String secret) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", eventType=" + eventType + ", attempts=" + attempts + ", url=" + url + ", secret=***]";
        }
    }

    private static final String SUBSCRIPTION = "SELECT id, url, events, active, created_by, created_at FROM webhook_subscription";
    private static final String CLAIM = "UPDATE webhook_delivery d SET next_attempt_at = now() + ? * interval '1 millisecond'"
            + " FROM webhook_subscription s WHERE s.id = d.subscription_id AND d.id IN (SELECT id FROM webhook_delivery"
            + " WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED) RETURNING d.id, d.event_id::text, d.event_type, d.body, d.attempts, s.url, s.secret";

    private final DataSource dataSource;

    public WebhookStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public WebhookView create(String url, List<String> events, String secret, String user) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_subscription (url, events, secret, created_by)"
                     + " VALUES (?, ?, ?, ?) RETURNING id, url, events, active, created_by, created_at")) {
            ps.setString(1, url);
            ps.setArray(2, c.createArrayOf("text", events.toArray()));
            ps.setString(3, secret);
            ps.setString(4, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return view(rs);
            }
        }
    }

    public List<WebhookView> list() throws SQLException {
        List<WebhookView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SUBSCRIPTION + " ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(view(rs));
            }
        }
        return out;
    }

    public Optional<WebhookView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SUBSCRIPTION + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** Deletes the subscription with its queued deliveries and their log; false when there was none. */
    public boolean delete(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Up to {@code max} due deliveries, each leased for {@code lease} (not due again before it ends). */
    public List<Due> claimDue(int max, Duration lease) throws SQLException {
        List<Due> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setLong(1, lease.toMillis());
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /**
     * Logs one attempt and moves the delivery on: {@code delivered} on success; else due again after
     * {@code retryAfter}, or {@code failed} when {@code retryAfter} is null (no attempts left).
     */
    public void recordAttempt(long deliveryId, int attempt, Instant startedAt, long durationMs, Integer httpStatus,
                              String error, boolean success, Duration retryAfter) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement log = c.prepareStatement("INSERT INTO webhook_attempt (delivery_id, attempt, started_at,"
                    + " duration_ms, http_status, error) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement next = c.prepareStatement("UPDATE webhook_delivery SET attempts = ?,"
                         + " status = ?, delivered_at = CASE WHEN ? THEN now() END,"
                         + " next_attempt_at = CASE WHEN ?::bigint IS NULL THEN next_attempt_at"
                         + " ELSE now() + ?::bigint * interval '1 millisecond' END WHERE id = ?")) {
                log.setLong(1, deliveryId);
                log.setInt(2, attempt);
                log.setTimestamp(3, Timestamp.from(startedAt));
                log.setLong(4, durationMs);
                log.setObject(5, httpStatus);
                log.setString(6, error);
                log.executeUpdate();
                Long retryMs = success || retryAfter == null ? null : retryAfter.toMillis();
                next.setInt(1, attempt);
                next.setString(2, success ? "delivered" : retryMs == null ? "failed" : "pending");
                next.setBoolean(3, success);
                next.setObject(4, retryMs);
                next.setObject(5, retryMs);
                next.setLong(6, deliveryId);
                next.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The newest deliveries of a subscription with all their attempts, or empty when it does not exist. */
    public Optional<List<DeliveryView>> deliveries(long subscriptionId, int limit) throws SQLException {
        if (get(subscriptionId).isEmpty()) {
            return Optional.empty();
        }
        Map<Long, DeliveryView> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT d.id, d.event_id::text, d.event_type, d.status, d.attempts,"
                     + " d.created_at, d.next_attempt_at, d.delivered_at, a.attempt, a.started_at, a.duration_ms, a.http_status,"
                     + " a.error FROM (SELECT * FROM webhook_delivery WHERE subscription_id = ? ORDER BY id DESC LIMIT ?) d"
                     + " LEFT JOIN webhook_attempt a ON a.delivery_id = d.id ORDER BY d.id DESC, a.attempt")) {
            ps.setLong(1, subscriptionId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DeliveryView d = out.computeIfAbsent(rs.getLong(1), id -> delivery(rs, id));
                    if (rs.getTimestamp(10) != null) {
                        int code = rs.getInt(12);
                        Integer httpStatus = rs.wasNull() ? null : code;
                        d.attemptLog().add(new DeliveryView.Attempt(rs.getInt(9), rs.getTimestamp(10).toInstant(),
                                rs.getLong(11), httpStatus, rs.getString(13)));
                    }
                }
            }
        }
        return Optional.of(List.copyOf(out.values()));
    }

    private static DeliveryView delivery(ResultSet rs, long id) {
        try {
            Timestamp delivered = rs.getTimestamp(8);
            String status = rs.getString(4);
            return new DeliveryView(id, rs.getString(2), rs.getString(3), status, rs.getInt(5),
                    rs.getTimestamp(6).toInstant(), "pending".equals(status) ? rs.getTimestamp(7).toInstant() : null,
                    delivered == null ? null : delivered.toInstant(), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhook_delivery row " + id, e);
        }
    }

    private static WebhookView view(ResultSet rs) throws SQLException {
        return new WebhookView(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    }
}
