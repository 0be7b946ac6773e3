package io.stocksense.edge.outbox;

import io.stocksense.edge.alarm.ActiveAlarm;
import io.stocksense.edge.alarm.AlarmChange;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.EventIds;
import io.stocksense.protocol.event.GatewayEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's durable outbox: one SQLite file ({@code <gatewayDir>/outbox.db}) holding events not
 * yet committed by the cloud, per-device sequence counters, shelf baselines, active local alarms, dead
 * letters and the batch sequence counter.
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

    private static final Logger LOG = LoggerFactory.getLogger(SqliteOutbox.class);
    private static final int MAX_DEAD_LETTERS = 10_000;

    private final Connection connection;
    private final String gatewayId;
    private final EventAppender appender;
    private final OutboxCapacity capacity;

    private SqliteOutbox(Connection connection, String siteId, String gatewayId, OutboxLimits limits) throws SQLException {
        this.connection = connection;
        this.gatewayId = gatewayId;
        this.appender = new EventAppender(connection, siteId, gatewayId);
        this.capacity = new OutboxCapacity(limits);
        capacity.load(connection);
        connection.commit();
    }

    /** Opens (creating if needed) the outbox file with the default limits; the parent folder is created too. */
    public static SqliteOutbox open(Path file, String siteId, String gatewayId) {
        return open(file, siteId, gatewayId, OutboxLimits.DEFAULT);
    }

    /** Opens (creating if needed) the outbox file; the parent folder is created too. */
    public static SqliteOutbox open(Path file, String siteId, String gatewayId, OutboxLimits limits) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            OutboxSchema.apply(c);
            c.setAutoCommit(false);
            return new SqliteOutbox(c, siteId, gatewayId, limits);
        } catch (SQLException | java.io.IOException e) {
            throw new OutboxException("cannot open outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores events and shelf counts in one transaction. Each event gets its device's next sequence
     * number and the id {@link EventIds#of}, and is serialized to its wire JSON.
     *
     * <p>When the events do not fit the {@link OutboxLimits}, old unsent telemetry is thinned first (in
     * its own transaction). If that frees too little, nothing is stored: a critical {@code outbox-full}
     * event of the gateway is stored once (it may exceed the limits; it is small) and
     * {@link OutboxFullException} is thrown, so the caller does not acknowledge its input.
     *
     * @return the stored events, in the order given
     */
    public synchronized List<GatewayEvent> append(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams,
                                                  Instant now) {
        return append(events, shelfCountedGrams, List.of(), now);
    }

    /**
     * As {@link #append(List, Map, Instant)}, also storing local alarms raised (a row) or cleared (no row).
     * An append that changes a local alarm is never refused for lack of room (after thinning it may exceed
     * the limits, like {@code outbox-full} itself): local alarms must keep working while the cloud is away,
     * and the signal outputs follow only stored alarms.
     */
    public synchronized List<GatewayEvent> append(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams,
                                                  List<AlarmChange> alarmChanges, Instant now) {
        if (events.isEmpty() && shelfCountedGrams.isEmpty() && alarmChanges.isEmpty()) {
            return List.of();
        }
        EventAppender.Prepared p = read(() -> appender.prepare(events));
        boolean fits = capacity.fits(p.rows(), p.bytes()) || makeRoom(p, now, !alarmChanges.isEmpty());
        List<GatewayEvent> stored = write(p, shelfCountedGrams, alarmChanges, now);
        if (fits && capacity.full() && !events.isEmpty()) {
            capacity.full(false);
            LOG.info("outbox accepts events again: {} rows, {} bytes", capacity.rows(), capacity.bytes());
            notice("outbox-accepting", "info", "the outbox accepts events again", now);
        }
        return stored;
    }

    /** Writes prepared events, shelf counts and alarm rows in one transaction: an alarm never outlives its event. */
    private List<GatewayEvent> write(EventAppender.Prepared p, Map<String, BigDecimal> shelfCountedGrams,
                                     List<AlarmChange> alarmChanges, Instant now) {
        inTransaction("append", () -> {
            appender.write(p, shelfCountedGrams, now);
            writeAlarms(alarmChanges, now);
            return null;
        });
        appender.committed(p);
        capacity.added(p.rows(), p.bytes());
        return p.events();
    }

    private void writeAlarms(List<AlarmChange> alarmChanges, Instant now) throws SQLException {
        for (AlarmChange c : alarmChanges) {
            if (c.active() == null) {
                update("DELETE FROM local_alarms WHERE zone_key = ?", c.zoneKey());
            } else {
                update("INSERT INTO local_alarms (zone_key, alarm, updated_at) VALUES (?, ?, ?) ON CONFLICT(zone_key) "
                        + "DO UPDATE SET alarm = excluded.alarm, updated_at = excluded.updated_at", c.zoneKey(),
                        Json.writeString(c.active()), now.toEpochMilli());
            }
        }
    }

    /**
     * Thins old telemetry until {@code p} fits. Returns true when it fits; false when it does not but must
     * be stored anyway ({@code overLimitAllowed}); otherwise refuses with {@link OutboxFullException}.
     */
    private boolean makeRoom(EventAppender.Prepared p, Instant now, boolean overLimitAllowed) {
        long[] freed = inTransaction("thin", () -> capacity.thin(connection, p.rows(), p.bytes()));
        capacity.removed(freed[0], freed[1]);
        if (freed[0] > 0) {
            LOG.warn("outbox at its limits: thinned {} old telemetry points ({} bytes)", freed[0], freed[1]);
        }
        if (capacity.fits(p.rows(), p.bytes())) {
            return true;
        }
        if (overLimitAllowed) {
            LOG.warn("outbox over its limits: storing a local alarm change anyway ({} rows, {} bytes)",
                    capacity.rows(), capacity.bytes());
            return false;
        }
        if (!capacity.full()) {
            capacity.full(true);
            LOG.error("outbox full ({} rows, {} bytes; limits {}): refusing new events until the cloud acks",
                    capacity.rows(), capacity.bytes(), capacity.limits());
            notice("outbox-full", "critical", "the outbox is full and refuses new events; device input is not acknowledged",
                    now);
        }
        throw new OutboxFullException("outbox full: " + capacity.rows() + " rows / " + capacity.bytes() + " bytes, limits "
                + capacity.limits().maxRows() + " rows / " + capacity.limits().maxBytes() + " bytes");
    }

    /** Stores a device event of the gateway itself, bypassing the limits. */
    private void notice(String kind, String severity, String message, Instant now) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("rows", String.valueOf(capacity.rows()));
        attributes.put("bytes", String.valueOf(capacity.bytes()));
        attributes.put("maxRows", String.valueOf(capacity.limits().maxRows()));
        attributes.put("maxBytes", String.valueOf(capacity.limits().maxBytes()));
        PendingEvent e = new PendingEvent(gatewayId, (eventId, seq) -> new DeviceEvent(eventId, null, gatewayId, seq, null,
                now, ClockSync.UNKNOWN, kind, severity, message, attributes));
        write(read(() -> appender.prepare(List.of(e))), Map.of(), List.of(), now);
    }

    /** Events held (batched or not); from memory, no query. */
    public long depth() {
        return capacity.rows();
    }

    /** Payload bytes held; from memory, no query. */
    public long bytes() {
        return capacity.bytes();
    }

    /** Telemetry points thinned away since the outbox was opened. */
    public long thinnedTotal() {
        return capacity.thinnedTotal();
    }

    /** Whether the outbox currently refuses events. */
    public boolean isFull() {
        return capacity.full();
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
        long[] gone = inTransaction("ack", () -> {
            long[] size = {0, 0};
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0) FROM events WHERE batch_seq = ?")) {
                q.setLong(1, batchSeq);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    size[1] = rs.getLong(2);
                }
            }
            size[0] = update("DELETE FROM events WHERE batch_seq = ?", batchSeq);
            return size;
        });
        capacity.removed(gone[0], gone[1]);
        return (int) gone[0];
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

    /** Age of the oldest event still in the outbox, or empty when it is empty. */
    public synchronized Optional<Duration> oldestAge(Instant now) {
        return read(() -> {
            // ids only grow and created_at is the append time, so the lowest id is the oldest (no scan).
            long oldest = queryLong("SELECT COALESCE((SELECT created_at FROM events ORDER BY id LIMIT 1), -1)");
            return oldest < 0 ? Optional.<Duration>empty() : Optional.of(Duration.between(Instant.ofEpochMilli(oldest), now));
        });
    }

    public synchronized long lastDeviceSeq(String deviceId) {
        return read(() -> appender.lastSeq(deviceId));
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
            appender.close();
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
