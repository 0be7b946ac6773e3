package io.stocksense.cloud.audit.store;

import io.stocksense.cloud.audit.api.AuditView;
import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.domain.AuditQuery;
import io.stocksense.cloud.audit.domain.ChainVerdict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only audit log ({@code audit_log}, V81). The insert trigger assigns id, time and the hash
 * chain; this class appends, searches, streams and verifies. Blocking; call from a worker thread.
 */
public final class AuditStore {

    static final String FILTER = " WHERE (?::text IS NULL OR actor = ?) AND (?::text IS NULL OR resource = ?)"
            + " AND (?::timestamptz IS NULL OR at >= ?) AND (?::timestamptz IS NULL OR at < ?)";
    private static final String COLUMNS = "id, at, actor, actor_kind, ip, action, resource, resource_id, status,"
            + " before::text, after::text, hash";

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends in its own transaction. */
    public void append(AuditEntry e) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            append(c, e);
        }
    }

    /** Appends on the caller's connection (inside its transaction, which then holds the chain lock until it ends). */
    public void append(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (actor, actor_kind, ip, action, resource,"
                + " resource_id, status, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, '', '')")) {
            ps.setString(1, e.actor());
            ps.setString(2, e.actorKind());
            ps.setString(3, e.ip());
            ps.setString(4, e.action());
            ps.setString(5, e.resource());
            ps.setString(6, e.resourceId());
            if (e.status() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, e.status());
            }
            ps.setString(8, e.before());
            ps.setString(9, e.after());
            ps.executeUpdate();
        }
    }

    /** One page of matching rows, newest first, and the total. */
    public Page search(AuditQuery q) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log" + FILTER)) {
                bind(ps, q);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditView> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log" + FILTER
                    + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                bind(ps, q);
                ps.setInt(9, q.size());
                ps.setLong(10, (long) (q.page() - 1) * q.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(view(rs));
                    }
                }
            }
            return new Page(rows, total);
        }
    }

    /** Every matching row, oldest first, streamed from a cursor (for the CSV export). */
    public void each(AuditQuery q, Consumer<AuditView> sink) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a server-side cursor needs a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log" + FILTER + " ORDER BY id")) {
                ps.setFetchSize(1000);
                bind(ps, q);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(view(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Re-computes the chain in id order: each row's hash must equal SHA-256(previous hash + canonical content),
     * and its {@code prev_hash} the previous row's hash. Reports the first row where either fails.
     */
    public ChainVerdict verify() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, prev_hash, hash, audit_hash(prev_hash, a) FROM audit_log a ORDER BY id")) {
                ps.setFetchSize(1000);
                String previous = "0".repeat(64);
                long checked = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        checked++;
                        if (!previous.equals(rs.getString(2))) {
                            return new ChainVerdict(false, id, checked, "prev_hash does not match the previous entry's hash"
                                    + " (an entry before it was changed, removed or inserted)");
                        }
                        if (!rs.getString(3).equals(rs.getString(4))) {
                            return new ChainVerdict(false, id, checked, "the entry's content does not match its hash (it was changed)");
                        }
                        previous = rs.getString(3);
                    }
                }
                return new ChainVerdict(true, null, checked, null);
            } finally {
                c.rollback();
            }
        }
    }

    private static void bind(PreparedStatement ps, AuditQuery q) throws SQLException {
        ps.setString(1, q.actor());
        ps.setString(2, q.actor());
        ps.setString(3, q.resource());
        ps.setString(4, q.resource());
        Timestamp from = q.from() == null ? null : Timestamp.from(q.from());
        Timestamp to = q.to() == null ? null : Timestamp.from(q.to());
        ps.setTimestamp(5, from);
        ps.setTimestamp(6, from);
        ps.setTimestamp(7, to);
        ps.setTimestamp(8, to);
    }

    private static AuditView view(ResultSet rs) throws SQLException {
        int raw = rs.getInt(9);
        Integer status = rs.wasNull() ? null : raw;
        return new AuditView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), status, rs.getString(10),
                rs.getString(11), rs.getString(12));
    }

    /** A page of rows and the number of all matching rows. */
    public record Page(List<AuditView> rows, long total) {
    }
}
