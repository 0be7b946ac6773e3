package io.stocksense.cloud.ingest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest dead-letter store: every refused event or batch with its reason and raw JSON, so that
 * nothing a gateway sent disappears silently. Blocking; call from a worker thread.
 */
public final class RejectionStore {

    /** Raw payloads are kept up to this many characters; a larger one is cut and says so. */
    static final int MAX_RAW_CHARS = 64 * 1024;

    private final DataSource dataSource;

    public RejectionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One refused event (or whole batch when {@code eventIndex} is null), on the caller's transaction. */
    public void insert(Connection c, String siteId, String gatewayId, String topic, Long batchSeq, String eventId,
                       Integer eventIndex, String reason, String raw) throws SQLException {
        // A batch re-sent after a lost ack files each rejection once (unique gateway × event id).
        String sql = "INSERT INTO rejected_event (site_id, gateway_id, topic, batch_seq, event_id, event_index, reason, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (gateway_id, event_id) WHERE event_id IS NOT NULL DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, siteId);
            ps.setString(2, gatewayId);
            ps.setString(3, topic);
            if (batchSeq == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, batchSeq);
            }
            ps.setString(5, eventId);
            if (eventIndex == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, eventIndex);
            }
            ps.setString(7, reason);
            ps.setString(8, cut(raw));
            ps.executeUpdate();
        }
    }

    /** The newest rejections first. */
    public List<RejectionView> latest(int limit) throws SQLException {
        String sql = "SELECT id, site_id, gateway_id, topic, batch_seq, event_id, event_index, reason, raw, received_at"
                + " FROM rejected_event ORDER BY id DESC LIMIT ?";
        List<RejectionView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RejectionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), rs.getString(6), (Integer) rs.getObject(7), rs.getString(8),
                            rs.getString(9), rs.getTimestamp(10).toInstant()));
                }
            }
        }
        return out;
    }

    static String cut(String raw) {
        if (raw == null || raw.length() <= MAX_RAW_CHARS) {
            return raw;
        }
        return raw.substring(0, MAX_RAW_CHARS) + "…[cut, " + raw.length() + " chars]";
    }
}
