package io.stocksense.edge.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows and payload bytes in the outbox against its {@link OutboxLimits}, and the telemetry thinning
 * that makes room. Counters are loaded once at open and then kept in memory (updated by the outbox
 * only after a commit), so checking capacity and exporting depth costs no query. Readers on other
 * threads see the volatile values. Mutated only under the outbox's lock.
 */
final class OutboxCapacity {

    /** Thinning frees this share of the limit beyond what is needed, so it runs in rounds, not per append. */
    private static final int HEADROOM_PERCENT = 5;
    private static final int MAX_THIN_PASSES = 6;

    private final OutboxLimits limits;
    private volatile long rows;
    private volatile long bytes;
    private volatile long thinnedTotal;
    private volatile boolean full;

    OutboxCapacity(OutboxLimits limits) {
        this.limits = limits;
    }

    void load(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0) FROM events");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
            bytes = rs.getLong(2);
        }
    }

    OutboxLimits limits() {
        return limits;
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    long thinnedTotal() {
        return thinnedTotal;
    }

    boolean full() {
        return full;
    }

    void full(boolean value) {
        full = value;
    }

    boolean fits(long addRows, long addBytes) {
        return rows + addRows <= limits.maxRows() && bytes + addBytes <= limits.maxBytes();
    }

    void added(long r, long b) {
        rows += r;
        bytes += b;
    }

    void removed(long r, long b) {
        rows = Math.max(0, rows - r);
        bytes = Math.max(0, bytes - b);
    }

    /**
     * Deletes old unsent telemetry, oldest first, keeping every k-th point of each device/metric, until
     * {@code addRows}/{@code addBytes} fit with some headroom or nothing more can go. Runs inside the
     * caller's transaction; the caller applies the returned {rows, bytes} with {@link #removed} after
     * commit. Rows already in a batch in flight are never touched.
     */
    long[] thin(Connection c, long addRows, long addBytes) throws SQLException {
        long needRows = rows + addRows - limits.maxRows() * (100 - HEADROOM_PERCENT) / 100;
        long needBytes = bytes + addBytes - limits.maxBytes() * (100 - HEADROOM_PERCENT) / 100;
        long[] freed = {0, 0};
        for (int pass = 0; pass < MAX_THIN_PASSES && (freed[0] < needRows || freed[1] < needBytes); pass++) {
            long[] round = thinPass(c, needRows - freed[0], needBytes - freed[1]);
            if (round[0] == 0) {
                break;
            }
            freed[0] += round[0];
            freed[1] += round[1];
        }
        thinnedTotal += freed[0];
        return freed;
    }

    private long[] thinPass(Connection c, long needRows, long needBytes) throws SQLException {
        List<Long> doomed = new ArrayList<>();
        long freedBytes = 0;
        Map<String, Integer> seen = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, device_id, json_extract(payload, '$.metric'), LENGTH(payload) "
                + "FROM events WHERE channel = 'TELEMETRY' AND batch_seq IS NULL ORDER BY id")) {
            q.setFetchSize(1_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && (doomed.size() < needRows || freedBytes < needBytes)) {
                    String stream = rs.getString(2) + '/' + rs.getString(3);
                    int index = seen.merge(stream, 1, Integer::sum) - 1;
                    if (index % limits.thinKeepEvery() != 0) {
                        doomed.add(rs.getLong(1));
                        freedBytes += rs.getLong(4);
                    }
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM events WHERE id = ?")) {
            for (Long id : doomed) {
                del.setLong(1, id);
                del.addBatch();
            }
            del.executeBatch();
        }
        return new long[] {doomed.size(), freedBytes};
    }
}
