package io.stocksense.edge.outbox;

import io.stocksense.edge.alarm.ActiveAlarm;
import io.stocksense.edge.alarm.AlarmChange;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.EventIds;
import io.stocksense.protocol.event.GatewayEvent;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's durable outbox: one SQLite file ({@code <gatewayDir>/outbox.db}) holding events not
 * yet committed by the cloud, per-device sequence counters, shelf baselines, dead letters and the
 * batch sequence counter.
 *
 * <p><b>Durability (fsync policy):</b> WAL journal with {@code synchronous=FULL}: every transaction
 * is fsynced to the WAL before {@code commit} returns, so an event that was appended survives kill -9
 * and power loss. Events are appended (with their sequence numbers and ids) in one transaction
 * before the device message is acknowledged, and deleted only when the cloud acks their batch.
 *
 * <p><b>Threading:</b> every method does blocking JDBC. Call it from a worker thread or a dedicated
 * executor, never from a Vert.x event loop. Methods are synchronized on the single connection, so the
 * outbox is safe to share between the pipeline, uplink and health threads. <b>Failure:</b> a database
 * error rolls the transaction back and throws {@link OutboxException}.
 */
public final class SqliteOutbox implements AutoCloseable {

    private static final int MAX_DEAD_LETTERS = 10_000;

    private final Connection connection;
    private final String siteId;
    private final String gatewayId;

    private SqliteOutbox(Connection connection, String siteId, String gatewayId) {
        this.connection = connection;
        this.siteId = siteId;
        this.gatewayId = gatewayId;
    }

    /** Opens (creating if needed) the outbox file; the parent folder is created too. */
    public static SqliteOutbox open(Path file, String siteId, String gatewayId) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            OutboxSchema.apply(c);
            c.setAutoCommit(false);
            return new SqliteOutbox(c, siteId, gatewayId);
        } catch (SQLException | java.io.IOException e) {
            throw new OutboxException("cannot open outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores events and shelf counts in one transaction. Each event gets its device's next sequence
     * number and the id {@link EventIds#of}, and is serialized to its wire JSON.
     *
     * @return the stored events, in the order given
     */
    public synchronized List<GatewayEvent> append(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams,
                                                  Instant now) {
        return append(events, shelfCountedGrams, List.of(), now);
    }

    /** As {@link #append(List, Map, Instant)}, also storing local alarms raised (a row) or cleared (no row). */
    public synchronized List<GatewayEvent> append(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams,
                                                  List<AlarmChange> alarmChanges, Instant now) {
        if (events.isEmpty() && shelfCountedGrams.isEmpty() && alarmChanges.isEmpty()) {
            return List.of();
        }
        return inTransaction("append", () -> {
            Map<String, Long> seqs = new HashMap<>();
            List<GatewayEvent> stored = new ArrayList<>(events.size());
            try (PreparedStatement ins = connection.prepareStatement("INSERT INTO events (event_id, channel, device_id, "
                    + "device_seq, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (PendingEvent p : events) {
                    long seq = seqs.containsKey(p.deviceId()) ? seqs.get(p.deviceId()) + 1 : lastDeviceSeq(p.deviceId()) + 1;
                    seqs.put(p.deviceId(), seq);
                    GatewayEvent e = p.create(EventIds.of(siteId, gatewayId, p.deviceId(), seq), seq);
                    ins.setString(1, e.eventId());
                    ins.setString(2, e.channel().name());
                    ins.setString(3, e.deviceId());
                    ins.setLong(4, seq);
                    ins.setString(5, Json.writeString(e));
                    ins.setLong(6, now.toEpochMilli());
                    ins.executeUpdate();
                    stored.add(e);
                }
            }
            for (Map.Entry<String, Long> s : seqs.entrySet()) {
                update("INSERT INTO device_seq (device_id, last_seq) VALUES (?, ?) ON CONFLICT(device_id) "
                        + "DO UPDATE SET last_seq = excluded.last_seq", s.getKey(), s.getValue());
            }
            for (Map.Entry<String, BigDecimal> b : shelfCountedGrams.entrySet()) {
                update("INSERT INTO shelf_baseline (device_id, counted_grams, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT(device_id) DO UPDATE SET counted_grams = excluded.counted_grams, "
                        + "updated_at = excluded.updated_at", b.getKey(), b.getValue().toPlainString(), now.toEpochMilli());
            }
            for (AlarmChange c : alarmChanges) {
                if (c.active() == null) {
                    update("DELETE FROM local_alarms WHERE zone_key = ?", c.zoneKey());
                } else {
                    update("INSERT INTO local_alarms (zone_key, alarm, updated_at) VALUES (?, ?, ?) ON CONFLICT(zone_key) "
                            + "DO UPDATE SET alarm = excluded.alarm, updated_at = excluded.updated_at", c.zoneKey(),
                            Json.writeString(c.active()), now.toEpochMilli());
                }
            }
            return stored;
        });
    }

    /**
     * Assigns the next batch sequence number to the oldest unbatched events of a channel (at most
     * {@code max}), or returns empty when the channel has none. The counter is persisted, so batch
     * numbers only grow, across channels and restarts.
     */
    public synchronized Optional<Batch> assignBatch(Topics.Channel channel, int max) {
        return inTransaction("assignBatch", () -> {
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement q = connection.prepareStatement("SELECT id, event_id, device_id, device_seq, payload "
                    + "FROM events WHERE channel = ? AND batch_seq IS NULL ORDER BY id LIMIT ?")) {
                q.setString(1, channel.name());
                q.setInt(2, max);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        events.add(new StoredEvent(rs.getLong(1), rs.getString(2), channel, rs.getString(3), rs.getLong(4),
                                rs.getString(5)));
                    }
                }
            }
            if (events.isEmpty()) {
                return Optional.<Batch>empty();
            }
            long seq = queryLong("SELECT value FROM counters WHERE name = 'batch_seq'") + 1;
            update("UPDATE counters SET value = ? WHERE name = 'batch_seq'", seq);
            // The selected rows are exactly the unbatched ones up to the last selected id (ids only grow).
            update("UPDATE events SET batch_seq = ? WHERE channel = ? AND batch_seq IS NULL AND id <= ?",
                    seq, channel.name(), events.get(events.size() - 1).id());
            return Optional.of(new Batch(seq, channel, events));
        });
    }

    /** The cloud committed a batch: its events leave the outbox. Returns how many rows were deleted. */
    public synchronized int ack(long batchSeq) {
        return inTransaction("ack", () -> update("DELETE FROM events WHERE batch_seq = ?", batchSeq));
    }

    /** A batch was not acked in time: its events become unbatched again, to be resent in order. */
    public synchronized int unassign(long batchSeq) {
        return inTransaction("unassign", () -> update("UPDATE events SET batch_seq = NULL WHERE batch_seq = ?", batchSeq));
    }

    /** After a restart or reconnect no batch is in flight any more: everything becomes unbatched. */
    public synchronized int unassignAll() {
        return inTransaction("unassignAll", () -> update("UPDATE events SET batch_seq = NULL WHERE batch_seq IS NOT NULL"));
    }

    /** Keeps rejected device input; the oldest beyond {@value #MAX_DEAD_LETTERS} are pruned, the total is kept. */
    public synchronized void deadLetter(DeadLetter d) {
        inTransaction("deadLetter", () -> {
            update("INSERT INTO dead_letters (device_id, codec, reason, excerpt, payload_hex, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", d.deviceId(), d.codec(), d.reason(), d.excerpt(), d.payloadHex(),
                    d.receivedAt().toEpochMilli());
            update("UPDATE counters SET value = value + 1 WHERE name = 'dead_letters_total'");
            update("DELETE FROM dead_letters WHERE id <= (SELECT MAX(id) FROM dead_letters) - ?", MAX_DEAD_LETTERS);
            return null;
        });
    }

    public synchronized long deadLetterTotal() {
        return read(() -> queryLong("SELECT value FROM counters WHERE name = 'dead_letters_total'"));
    }

    public synchronized List<DeadLetter> recentDeadLetters(int limit) {
        return read(() -> DeadLetters.recent(connection, limit));
    }

    /** Events waiting for a cloud ack (batched or not). */
    public synchronized long depth() {
        return read(() -> queryLong("SELECT COUNT(*) FROM events"));
    }

    /** Age of the oldest event still in the outbox, or empty when it is empty. */
    public synchronized Optional<Duration> oldestAge(Instant now) {
        return read(() -> {
            long oldest = queryLong("SELECT COALESCE(MIN(created_at), -1) FROM events");
            return oldest < 0 ? Optional.<Duration>empty() : Optional.of(Duration.between(Instant.ofEpochMilli(oldest), now));
        });
    }

    public synchronized long lastDeviceSeq(String deviceId) {
        return read(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT last_seq FROM device_seq WHERE device_id = ?")) {
                q.setString(1, deviceId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    public synchronized long lastBatchSeq() {
        return read(() -> queryLong("SELECT value FROM counters WHERE name = 'batch_seq'"));
    }

    /** The persisted counted weight of every shelf slot. */
    public synchronized Map<String, BigDecimal> shelfCountedGrams() {
        return read(() -> {
            Map<String, BigDecimal> out = new HashMap<>();
            try (PreparedStatement q = connection.prepareStatement("SELECT device_id, counted_grams FROM shelf_baseline");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new BigDecimal(rs.getString(2)));
                }
            }
            return out;
        });
    }

    /** The local alarms raised and not yet cleared. */
    public synchronized List<ActiveAlarm> activeAlarms() {
        return read(() -> {
            List<ActiveAlarm> out = new ArrayList<>();
            try (PreparedStatement q = connection.prepareStatement("SELECT alarm FROM local_alarms ORDER BY zone_key");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(Json.MAPPER.readValue(rs.getString(1), ActiveAlarm.class));
                }
            } catch (java.io.IOException e) {
                throw new SQLException("unreadable local alarm row: " + e.getMessage(), e);
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new OutboxException("cannot close outbox: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new OutboxException("outbox " + what + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T read(Work<T> work) {
        return inTransaction("read", work);
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }
}
