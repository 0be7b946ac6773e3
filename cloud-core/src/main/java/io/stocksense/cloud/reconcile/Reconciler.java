package io.stocksense.cloud.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stocksense.cloud.catalog.store.JdbcCatalogLookup;
import io.stocksense.cloud.inventory.domain.StockValuation;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Compares what devices observe with the ledger, on the caller's connection and transaction (the
 * ingest transaction of the event, or an API request's).
 *
 * <p>Shelf counts: a count that differs from the ledger quantity at the shelf (all lots) keeps ONE
 * open {@code variance} alert per SKU × location, updated by every further differing observation (a
 * unique partial index makes the upsert safe between concurrent transactions); a count that agrees
 * resolves it. Portal dispatches: a device DISPATCH line no {@link ShipmentMatcher} accounts for raises
 * one {@code shrinkage} alert with the EPCs as evidence; ingest idempotency keeps it to one per event.
 */
public final class Reconciler {

    public static final String SHELF_COUNT = "shelf-count";
    public static final String VARIANCE = "variance";
    public static final String SHRINKAGE = "shrinkage";

    private static final String UPSERT_VARIANCE = "INSERT INTO inventory_alert (kind, sku, warehouse, location, detail)"
            + " VALUES ('variance', ?, ?, ?, ?::jsonb) ON CONFLICT (sku, warehouse, location)"
            + " WHERE kind = 'variance' AND resolved_at IS NULL DO UPDATE SET detail = EXCLUDED.detail"
            + " || jsonb_build_object('observations', COALESCE((inventory_alert.detail->>'observations')::int, 1) + 1,"
            + " 'firstObservedAt', inventory_alert.detail->'firstObservedAt') RETURNING id";
    private static final String RESOLVE_VARIANCE = "UPDATE inventory_alert SET resolved_at = now(), detail = detail"
            + " || jsonb_build_object('resolvedBy', ?::text) WHERE kind = 'variance' AND sku = ? AND warehouse = ?"
            + " AND location = ? AND resolved_at IS NULL";

    private final ShipmentMatcher shipments;
    private final PurchaseOrderMatcher purchaseOrders;
    private final StockValuation valuation;

    public Reconciler(ShipmentMatcher shipments, PurchaseOrderMatcher purchaseOrders) {
        this(shipments, purchaseOrders, StockValuation.NONE);
    }

    /**
     * With {@code valuation} for the device movements no document accounts for: a dispatch no shipment
     * matched (shrinkage) and shelf placements and picks are valued as inventory gains or losses.
     * Receipts no order matched are the {@link PurchaseOrderMatcher}'s to value.
     */
    public Reconciler(ShipmentMatcher shipments, PurchaseOrderMatcher purchaseOrders, StockValuation valuation) {
        this.shipments = shipments;
        this.purchaseOrders = purchaseOrders;
        this.valuation = valuation;
    }

    /** With the default matchers: every device dispatch is shrinkage, receipts are just receipts. */
    public static Reconciler withoutDocuments() {
        return new Reconciler(ShipmentMatcher.NONE, PurchaseOrderMatcher.NONE);
    }

    /** Called after a device movement was posted, in its ingest transaction. */
    public void movementPosted(Connection c, StockMovement m) throws SQLException {
        for (MovementLine line : m.lines()) {
            if (m.movementType() == MovementType.DISPATCH && !shipments.matches(c, m, line)) {
                raiseShrinkage(c, m, line);
                valueWithoutDocument(c, m, "shrinkage", line.sku(), line.quantity().negate());
            } else if (m.movementType() == MovementType.RECEIPT) {
                purchaseOrders.matches(c, m, line); // unmatched receipts are just receipts
            } else if (m.movementType() == MovementType.SHELF_PICK || m.movementType() == MovementType.SHELF_PLACEMENT) {
                valueWithoutDocument(c, m, "shelf-movement", line.sku(),
                        line.quantity().multiply(BigDecimal.valueOf(m.movementType().sign())));
            }
        }
    }

    private void valueWithoutDocument(Connection c, StockMovement m, String docType, String sku, BigDecimal signed)
            throws SQLException {
        valuation.value(c, StockValuation.GAIN_OR_LOSS, docType, deviceRef(m), deviceDate(m), m.deviceId(),
                java.util.List.of(new StockValuation.Change(sku, signed)));
    }

    /** The reference a device movement's valuation is journalled under. */
    public static String deviceRef(StockMovement m) {
        return "device:" + m.eventId();
    }

    /** The business date of a device movement: its device time, else its gateway time, in UTC. */
    public static java.time.LocalDate deviceDate(StockMovement m) {
        return java.time.LocalDate.ofInstant(m.deviceTime() != null ? m.deviceTime() : m.gatewayTime(), java.time.ZoneOffset.UTC);
    }

    /** A {@code shelf-count} device event; returns why it is refused, or empty when it was compared. */
    public Optional<String> shelfEvent(Connection c, DeviceEvent e) throws SQLException {
        String sku = e.attributes().get("sku");
        String location = e.attributes().get("location");
        String count = e.attributes().get("count");
        if (sku == null || location == null || count == null) {
            return Optional.of("shelf-count needs the attributes sku, location and count");
        }
        BigDecimal n;
        try {
            n = new BigDecimal(count.trim());
        } catch (NumberFormatException ex) {
            return Optional.of("shelf-count attribute count is not a number: '" + count + "'");
        }
        ObjectNode evidence = ApiJson.MAPPER.valueToTree(e.attributes());
        evidence.put("eventId", e.eventId());
        evidence.put("deviceTime", e.deviceTime() == null ? null : e.deviceTime().toString());
        evidence.put("gatewayTime", e.gatewayTime().toString());
        ShelfObservation o = new ShelfObservation(e.deviceId(), sku, e.attributes().get("warehouse"), location, n, evidence);
        Optional<String> problem = check(c, o);
        if (problem.isEmpty()) {
            observe(c, o);
        }
        return problem;
    }

    /** Why an observation cannot be compared (unknown SKU, no warehouse), or empty. */
    public Optional<String> check(Connection c, ShelfObservation o) throws SQLException {
        if (new JdbcCatalogLookup(c).productUnit(o.sku()).isEmpty()) {
            return Optional.of("unknown sku " + o.sku());
        }
        String wh = warehouseOf(c, o);
        if (wh == null) {
            return Optional.of("no warehouse given and device " + o.deviceId() + " has none");
        }
        if (!new JdbcCatalogLookup(c).locationExists(wh, o.location())) {
            return Optional.of("unknown location " + o.location() + " in warehouse " + wh);
        }
        return Optional.empty();
    }

    /** Records the observation and compares it with the ledger. Call {@link #check} first. */
    public ObservationView observe(Connection c, ShelfObservation o) throws SQLException {
        String wh = warehouseOf(c, o);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shelf_observation (device_id, sku, warehouse, location, count,"
                + " evidence) VALUES (?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            ps.setString(1, o.deviceId());
            ps.setString(2, o.sku());
            ps.setString(3, wh);
            ps.setString(4, o.location());
            ps.setBigDecimal(5, o.count());
            ps.setString(6, ApiJson.write(o.evidence() == null ? ApiJson.MAPPER.createObjectNode() : o.evidence()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        return compare(c, id, o.deviceId(), o.sku(), wh, o.location(), o.count(), o.evidence());
    }

    ObservationView compare(Connection c, Long observationId, String deviceId, String sku, String wh, String location,
                            BigDecimal observed, JsonNode evidence) throws SQLException {
        BigDecimal ledger = ledgerQuantity(c, sku, wh, location);
        BigDecimal variance = observed.subtract(ledger);
        if (variance.signum() == 0) {
            try (PreparedStatement ps = c.prepareStatement(RESOLVE_VARIANCE)) {
                ps.setString(1, deviceId);
                ps.setString(2, sku);
                ps.setString(3, wh);
                ps.setString(4, location);
                ps.executeUpdate();
            }
            return new ObservationView(observationId, deviceId, sku, wh, location, plain(observed), plain(ledger),
                    plain(variance), null);
        }
        ObjectNode detail = ApiJson.MAPPER.createObjectNode();
        detail.put("deviceId", deviceId).put("observed", plain(observed)).put("ledger", plain(ledger))
                .put("difference", plain(variance)).put("observationId", observationId)
                .put("observedAt", java.time.Instant.now().toString()).put("observations", 1);
        detail.put("firstObservedAt", detail.get("observedAt").asText());
        detail.set("evidence", evidence == null ? ApiJson.MAPPER.createObjectNode() : evidence);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_VARIANCE)) {
            ps.setString(1, sku);
            ps.setString(2, wh);
            ps.setString(3, location);
            ps.setString(4, ApiJson.write(detail));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ObservationView(observationId, deviceId, sku, wh, location, plain(observed), plain(ledger),
                        plain(variance), rs.getLong(1));
            }
        }
    }

    private static void raiseShrinkage(Connection c, StockMovement m, MovementLine line) throws SQLException {
        ObjectNode detail = ApiJson.MAPPER.createObjectNode();
        detail.put("deviceId", m.deviceId()).put("eventId", m.eventId()).put("quantity", plain(line.quantity()))
                .put("unit", line.unit()).put("gatewayTime", m.gatewayTime().toString())
                .put("deviceTime", m.deviceTime() == null ? null : m.deviceTime().toString())
                .put("reason", "left through the portal with no open shipment");
        detail.set("epcs", ApiJson.MAPPER.valueToTree(line.epcs()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_alert (kind, sku, warehouse, location, detail)"
                + " VALUES ('shrinkage', ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, line.sku());
            ps.setString(2, m.warehouse());
            ps.setString(3, m.location());
            ps.setString(4, ApiJson.write(detail));
            ps.executeUpdate();
        }
    }

    private static String warehouseOf(Connection c, ShelfObservation o) throws SQLException {
        if (o.warehouse() != null) {
            return o.warehouse();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT warehouse FROM device WHERE id = ? AND warehouse IS NOT NULL"
                + " ORDER BY site_id LIMIT 1")) {
            ps.setString(1, o.deviceId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static BigDecimal ledgerQuantity(Connection c, String sku, String wh, String location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(quantity), 0) FROM stock_level"
                + " WHERE sku = ? AND warehouse = ? AND location = ?")) {
            ps.setString(1, sku);
            ps.setString(2, wh);
            ps.setString(3, location);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    static BigDecimal plain(BigDecimal q) {
        BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
