package io.stocksense.cloud.ingest;

import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.catalog.store.JdbcCatalogLookup;
import io.stocksense.cloud.inventory.domain.EventValidator;
import io.stocksense.cloud.inventory.store.LedgerStore;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.cloud.telemetry.store.TelemetryStore;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.BatchAck;
import io.stocksense.protocol.event.BatchCodec;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Posts one northbound batch in ONE database transaction and says what to acknowledge.
 *
 * <p>Idempotency: each event first claims its {@code eventId} in {@code ingested_event}
 * ({@code ON CONFLICT DO NOTHING}); an id already there is a duplicate and changes nothing. A claim
 * blocks on the unique index while another instance's transaction holds the same id, so two
 * cloud-core instances never post one event twice.
 *
 * <p>Isolation between events: every event runs inside its own SAVEPOINT, so a rejected event (bad
 * master data, a database constraint) is rolled back alone and filed in {@code rejected_event} with
 * its reason and raw JSON, while the rest of the batch is posted.
 *
 * <p>Failure: when the database itself fails (connection lost, serialization failure), the whole
 * batch rolls back and {@link #process} throws; the caller then sends no ack and the gateway resends.
 *
 * <p>Threading: {@link #decode} is pure; {@link #post} runs blocking JDBC on an ingest worker thread.
 * Several workers may post at once (see {@link IngestWorkers}); this class keeps no per-batch state.
 */
public final class BatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    private final DataSource dataSource;
    private final LedgerStore ledger = new LedgerStore();
    private final BulkMovementPoster bulk = new BulkMovementPoster();
    private final TelemetryStore telemetry;
    private final RejectionStore rejections;
    private final IngestMetrics metrics;
    private final LiveListener live;
    private final Reconciler reconciler;
    private final AuditStore audit;

    public BatchProcessor(DataSource dataSource, IngestMetrics metrics, LiveListener live) {
        this(dataSource, metrics, live, Reconciler.withoutDocuments());
    }

    /** With the {@code reconciler} that matches posted movements to business documents. */
    public BatchProcessor(DataSource dataSource, IngestMetrics metrics, LiveListener live, Reconciler reconciler) {
        this.reconciler = reconciler;
        this.dataSource = dataSource;
        this.telemetry = new TelemetryStore(dataSource);
        this.rejections = new RejectionStore(dataSource);
        this.audit = new AuditStore(dataSource);
        this.metrics = metrics;
        this.live = live == null ? LiveListener.NONE : live;
    }

    /**
     * Decodes and posts the payload received on {@code topic}: {@link #post}({@link #decode}(...)).
     *
     * @return the ack to publish, or empty when the batch had no readable envelope (kept as a dead letter)
     * @throws SQLException when the database failed; nothing was committed and nothing may be acked
     */
    public Optional<BatchAck> process(Topics.Address from, String topic, byte[] payload, long receivedNanos) throws SQLException {
        return post(decode(from, topic, payload, receivedNanos));
    }

    /**
     * The database-free half: parses the payload (a bad event or envelope is noted in the result, never
     * thrown). Any thread may call it, so decoding runs off the posting worker (README "Design decisions", cloud ingest).
     */
    public Received decode(Topics.Address from, String topic, byte[] payload, long receivedNanos) {
        metrics.batchReceived();
        return new Received(from, topic, payload, BatchCodec.decode(payload), receivedNanos);
    }

    /**
     * Posts a decoded batch in one transaction.
     *
     * @return the ack to publish, or empty when the batch had no readable envelope (kept as a dead letter)
     * @throws SQLException when the database failed; nothing was committed and nothing may be acked
     */
    public Optional<BatchAck> post(Received received) throws SQLException {
        BatchCodec.Decoded decoded = received.decoded();
        Topics.Address from = received.from();
        String envelopeError = decoded.envelopeOk() ? gatewayMismatch(from, decoded) : decoded.envelopeError();
        try {
            if (envelopeError != null) {
                rejectBatch(from, received.topic(), received.payload(), envelopeError);
                return Optional.empty();
            }
            Batch batch = new Batch(from, received.topic(), decoded);
            List<LiveEvent> changes = post(batch);
            metrics.committed(batch.accepted, batch.duplicates, batch.rejected.size(), System.nanoTime() - received.receivedNanos());
            notifyLive(changes);
            batch.rejected.sort(Comparator.comparingInt(BatchAck.Rejection::index));
            return Optional.of(new BatchAck(decoded.batchSeq(), batch.accepted, batch.duplicates, batch.rejected));
        } catch (SQLException | RuntimeException e) {
            metrics.batchFailed();
            throw e;
        }
    }

    /** A northbound batch as received and decoded, waiting for {@link #post}. */
    public record Received(Topics.Address from, String topic, byte[] payload, BatchCodec.Decoded decoded, long receivedNanos) {
    }

    private static String gatewayMismatch(Topics.Address from, BatchCodec.Decoded d) {
        if (!from.gatewayId().equals(d.gatewayId())) {
            return "batch gatewayId " + d.gatewayId() + " does not match the topic's gateway " + from.gatewayId();
        }
        if (d.siteId() != null && !from.siteId().equals(d.siteId())) {
            return "batch siteId " + d.siteId() + " does not match the topic's site " + from.siteId();
        }
        return null;
    }

    private void rejectBatch(Topics.Address from, String topic, byte[] payload, String reason) throws SQLException {
        String raw = new String(payload, StandardCharsets.UTF_8);
        LOG.debug("rejected batch on {}: {}; payload starts {}", topic, reason, excerpt(raw));
        try (Connection c = dataSource.getConnection()) {
            rejections.insert(c, from.siteId(), from.gatewayId(), topic, null, null, null, reason, raw);
        }
        metrics.batchRejected();
    }

    private List<LiveEvent> post(Batch batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<LiveEvent> changes = new ArrayList<>();
                List<Integer> indexes = batch.okIndexes();
                // Movement batches take the set-based path; anything it declines is posted event by event.
                if (!bulk.tryPost(c, batch, indexes, this::reject, changes, reconciler::movementPosted)) {
                    for (int k = 0; k < batch.decoded.events().size(); k++) {
                        postEvent(c, batch, batch.decoded.events().get(k), indexes.get(k), changes);
                    }
                }
                for (BatchCodec.Rejected r : batch.decoded.rejected()) {
                    reject(c, batch, r.eventId(), r.index(), "malformed event: " + r.reason(), r.rawJson());
                }
                // Last, so the audit chain's lock is held only for the commit: the batch and its entry commit together.
                audit.append(c, auditEntry(batch));
                c.commit();
                return changes;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /** One audit entry per device batch, by the gateway that sent it: what arrived and what came of it. */
    private static AuditEntry auditEntry(Batch batch) {
        String gateway = batch.from.siteId() + "/" + batch.from.gatewayId();
        java.util.Map<String, Object> outcome = new java.util.LinkedHashMap<>();
        outcome.put("topic", batch.topic);
        outcome.put("events", batch.decoded.events().size());
        outcome.put("accepted", batch.accepted);
        outcome.put("duplicates", batch.duplicates);
        outcome.put("rejected", batch.rejected.size());
        String after = Json.MAPPER.valueToTree(outcome).toString();
        return new AuditEntry(gateway, "device", null, "ingest-batch", batch.from.channel().name().toLowerCase(java.util.Locale.ROOT),
                gateway + "#" + batch.decoded.batchSeq(), null, null, after);
    }

    private void postEvent(Connection c, Batch batch, GatewayEvent event, int index, List<LiveEvent> changes) throws SQLException {
        Savepoint sp = c.setSavepoint();
        List<LiveEvent> eventChanges = new ArrayList<>();
        try {
            if (!claim(c, batch, event)) {
                c.releaseSavepoint(sp);
                batch.duplicates++;
                return;
            }
            Optional<String> problem = apply(c, event, eventChanges);
            if (problem.isPresent()) {
                c.rollback(sp);
                reject(c, batch, event.eventId(), index, problem.get(), Json.writeString(event));
                return;
            }
            c.releaseSavepoint(sp);
            batch.accepted++;
            changes.addAll(eventChanges);
        } catch (SQLException | JdbcCatalogLookup.LookupFailedException e) {
            SQLException sql = e instanceof SQLException s ? s : ((JdbcCatalogLookup.LookupFailedException) e).getCause();
            if (SqlStates.isTransient(sql)) {
                throw sql; // the database is unwell: roll the whole batch back, no ack, the gateway resends
            }
            c.rollback(sp);
            reject(c, batch, event.eventId(), index, "database refused the event: " + sql.getMessage(), Json.writeString(event));
        }
    }

    /** True when this transaction is the first to see the event id. */
    private static boolean claim(Connection c, Batch batch, GatewayEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingested_event (event_id, event_type, site_id, gateway_id,"
                + " batch_seq, device_id, device_seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            ps.setString(1, e.eventId());
            ps.setString(2, e.type());
            ps.setString(3, batch.from.siteId());
            ps.setString(4, batch.from.gatewayId());
            ps.setLong(5, batch.decoded.batchSeq());
            ps.setString(6, e.deviceId());
            ps.setLong(7, e.deviceSeq());
            return ps.executeUpdate() == 1;
        }
    }

    /** Validates and writes the event; returns why it was refused, or empty when it was written. */
    private Optional<String> apply(Connection c, GatewayEvent event, List<LiveEvent> changes) throws SQLException {
        EventValidator validator = new EventValidator(new JdbcCatalogLookup(c));
        if (event instanceof StockMovement m) {
            Optional<String> problem = validator.check(m);
            if (problem.isEmpty()) {
                changes.add(new LiveEvent(LiveEvent.MOVEMENT, MovementLive.of(m)));
                ledger.post(c, m).forEach(level -> changes.add(new LiveEvent(LiveEvent.STOCK, level)));
                reconciler.movementPosted(c, m);
            }
            return problem;
        }
        if (event instanceof TelemetryPoint t) {
            Optional<String> problem = validator.check(t);
            if (problem.isEmpty()) {
                changes.add(new LiveEvent(LiveEvent.TELEMETRY, telemetry.insert(c, t)));
            }
            return problem;
        }
        DeviceEvent d = (DeviceEvent) event;
        if (Reconciler.SHELF_COUNT.equals(d.kind())) {
            Optional<String> problem = reconciler.shelfEvent(c, d);
            if (problem.isPresent()) {
                return problem;
            }
        }
        telemetry.insert(c, d);
        changes.add(new LiveEvent(LiveEvent.DEVICE_EVENT, d));
        return Optional.empty();
    }

    private void reject(Connection c, Batch batch, String eventId, int index, String reason, String raw) throws SQLException {
        LOG.debug("rejected event {} (index {}) of batch {} from {}: {}; raw {}", eventId, index, batch.decoded.batchSeq(),
                batch.from.gatewayId(), reason, excerpt(raw));
        rejections.insert(c, batch.from.siteId(), batch.from.gatewayId(), batch.topic, batch.decoded.batchSeq(), eventId,
                index, reason, raw);
        batch.rejected.add(new BatchAck.Rejection(eventId, index, reason));
    }

    private void notifyLive(List<LiveEvent> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            live.committed(List.copyOf(changes));
        } catch (RuntimeException e) {
            LOG.warn("live listener failed: {}", e.toString());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    static String excerpt(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= 200 ? raw : raw.substring(0, 200) + "…";
    }

    /** Working state of one batch. */
    static final class Batch {
        final Topics.Address from;
        final String topic;
        final BatchCodec.Decoded decoded;
        final List<BatchAck.Rejection> rejected = new ArrayList<>();
        int accepted;
        int duplicates;

        Batch(Topics.Address from, String topic, BatchCodec.Decoded decoded) {
            this.from = from;
            this.topic = topic;
            this.decoded = decoded;
        }

        /** Positions in events[] of the decoded events: the codec keeps their order and drops the bad ones. */
        List<Integer> okIndexes() {
            Set<Integer> bad = new HashSet<>();
            decoded.rejected().forEach(r -> bad.add(r.index()));
            List<Integer> out = new ArrayList<>();
            for (int i = 0; out.size() < decoded.events().size(); i++) {
                if (!bad.contains(i)) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
