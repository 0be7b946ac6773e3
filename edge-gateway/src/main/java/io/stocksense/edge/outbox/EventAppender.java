package io.stocksense.edge.outbox;

import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.event.EventIds;
import io.stocksense.protocol.event.GatewayEvent;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot path of {@link SqliteOutbox#append}: gives events their device sequence numbers and ids,
 * serializes each once, and inserts them with statements prepared once per connection. Device
 * sequence numbers are cached in memory and advanced only after the outbox committed, so a rolled
 * back append reuses them and the sequence stays gap-free. Used under the outbox's lock.
 */
final class EventAppender implements AutoCloseable {

    /** Events with their identity and wire JSON, not yet written. */
    record Prepared(List<GatewayEvent> events, List<String> payloads, Map<String, Long> lastSeqs, long bytes) {
        long rows() {
            return events.size();
        }
    }

    private final Connection connection;
    private final String siteId;
    private final String gatewayId;
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final PreparedStatement insert;
    private final PreparedStatement upsertSeq;
    private final PreparedStatement upsertShelf;
    private final PreparedStatement selectSeq;

    EventAppender(Connection connection, String siteId, String gatewayId) throws SQLException {
        this.connection = connection;
        this.siteId = siteId;
        this.gatewayId = gatewayId;
        this.insert = connection.prepareStatement("INSERT INTO events (event_id, channel, device_id, device_seq, payload, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)");
        this.upsertSeq = connection.prepareStatement("INSERT INTO device_seq (device_id, last_seq) VALUES (?, ?) "
                + "ON CONFLICT(device_id) DO UPDATE SET last_seq = excluded.last_seq");
        this.upsertShelf = connection.prepareStatement("INSERT INTO shelf_baseline (device_id, counted_grams, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET counted_grams = excluded.counted_grams, "
                + "updated_at = excluded.updated_at");
        this.selectSeq = connection.prepareStatement("SELECT last_seq FROM device_seq WHERE device_id = ?");
    }

    long lastSeq(String deviceId) throws SQLException {
        Long cached = lastSeq.get(deviceId);
        if (cached != null) {
            return cached;
        }
        selectSeq.setString(1, deviceId);
        try (ResultSet rs = selectSeq.executeQuery()) {
            long seq = rs.next() ? rs.getLong(1) : 0L;
            lastSeq.put(deviceId, seq);
            return seq;
        }
    }

    Prepared prepare(List<PendingEvent> pending) throws SQLException {
        Map<String, Long> seqs = new LinkedHashMap<>();
        List<GatewayEvent> events = new ArrayList<>(pending.size());
        List<String> payloads = new ArrayList<>(pending.size());
        long bytes = 0;
        for (PendingEvent p : pending) {
            Long previous = seqs.get(p.deviceId());
            long seq = (previous != null ? previous : lastSeq(p.deviceId())) + 1;
            seqs.put(p.deviceId(), seq);
            GatewayEvent e = p.create(EventIds.of(siteId, gatewayId, p.deviceId(), seq), seq);
            String json = Json.writeString(e);
            events.add(e);
            payloads.add(json);
            bytes += json.length();
        }
        return new Prepared(events, payloads, seqs, bytes);
    }

    void write(Prepared p, Map<String, BigDecimal> shelfCountedGrams, Instant now) throws SQLException {
        long createdAt = now.toEpochMilli();
        for (int i = 0; i < p.events().size(); i++) {
            GatewayEvent e = p.events().get(i);
            insert.setString(1, e.eventId());
            insert.setString(2, e.channel().name());
            insert.setString(3, e.deviceId());
            insert.setLong(4, e.deviceSeq());
            insert.setString(5, p.payloads().get(i));
            insert.setLong(6, createdAt);
            insert.addBatch();
        }
        if (!p.events().isEmpty()) {
            insert.executeBatch();
        }
        for (Map.Entry<String, Long> s : p.lastSeqs().entrySet()) {
            upsertSeq.setString(1, s.getKey());
            upsertSeq.setLong(2, s.getValue());
            upsertSeq.executeUpdate();
        }
        for (Map.Entry<String, BigDecimal> b : shelfCountedGrams.entrySet()) {
            upsertShelf.setString(1, b.getKey());
            upsertShelf.setString(2, b.getValue().toPlainString());
            upsertShelf.setLong(3, createdAt);
            upsertShelf.executeUpdate();
        }
    }

    /** The write of {@code p} was committed: its sequence numbers are used. */
    void committed(Prepared p) {
        lastSeq.putAll(p.lastSeqs());
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        upsertSeq.close();
        upsertShelf.close();
        selectSeq.close();
    }
}
