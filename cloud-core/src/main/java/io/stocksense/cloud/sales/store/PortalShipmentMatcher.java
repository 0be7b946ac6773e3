package io.stocksense.cloud.sales.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.domain.StockValuation;
import io.stocksense.cloud.inventory.store.AlertStore;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.cloud.reconcile.ShipmentMatcher;
import io.stocksense.cloud.sales.api.ShipmentView;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches goods an outbound portal saw leaving (a device DISPATCH line, already posted) to the sales
 * orders whose reservation of that SKU sits at the portal's location (picked to that dock), oldest
 * order first: the matched quantity becomes a portal shipment of those lines. Nothing matched: the
 * {@link Reconciler} raises its {@code shrinkage} alert. Part matched: the rest is a {@code shrinkage}
 * alert raised here, valued as an inventory loss. Runs inside the ingest transaction, locking the orders it ships.
 */
public final class PortalShipmentMatcher implements ShipmentMatcher {

    private final ShippingStore shipping;
    private final StockValuation valuation;

    public PortalShipmentMatcher(ShippingStore shipping, StockValuation valuation) {
        this.shipping = shipping;
        this.valuation = valuation;
    }

    private record Open(long soId, int line, BigDecimal reserved) {
    }

    @Override
    public boolean matches(Connection c, StockMovement m, MovementLine line) throws SQLException {
        List<Open> open = Sql.list(c, "SELECT r.so_id, r.line_no, r.quantity FROM stock_reservation r JOIN sales_order o"
                + " ON o.id = r.so_id JOIN sales_order_line l ON l.so_id = r.so_id AND l.line_no = r.line_no"
                + " WHERE r.warehouse = ? AND r.location = ? AND r.sku = ? AND l.unit = ? AND r.quantity > 0"
                + " AND o.status IN ('confirmed', 'picking', 'partially-shipped') ORDER BY o.id, r.line_no FOR UPDATE OF o",
                rs -> new Open(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3)), m.warehouse(), m.location(), line.sku(), line.unit());
        BigDecimal left = line.quantity();
        Map<Long, List<ShipmentView.Line>> byOrder = new LinkedHashMap<>();
        for (Open o : open) {
            BigDecimal take = left.min(o.reserved());
            if (take.signum() > 0) {
                byOrder.computeIfAbsent(o.soId(), k -> new java.util.ArrayList<>())
                        .add(new ShipmentView.Line(o.line(), line.sku(), take, line.unit(), null, line.epcs()));
                left = left.subtract(take);
            }
        }
        if (byOrder.isEmpty()) {
            return false;
        }
        Instant seen = m.deviceTime() != null ? m.deviceTime() : m.gatewayTime();
        for (Map.Entry<Long, List<ShipmentView.Line>> e : byOrder.entrySet()) {
            shipping.recordPortal(c, e.getKey(), m.eventId(), m.deviceId(), m.location(), LocalDate.ofInstant(seen, ZoneOffset.UTC),
                    e.getValue());
        }
        if (left.signum() > 0) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("deviceId", m.deviceId());
            detail.put("eventId", m.eventId());
            detail.put("quantity", Amounts.plain(left));
            detail.put("unit", line.unit());
            detail.put("epcs", line.epcs());
            detail.put("gatewayTime", m.gatewayTime().toString());
            detail.put("shippedAgainst", byOrder.keySet());
            detail.put("reason", "more left through the portal than the open shipments account for");
            AlertStore.raise(c, Reconciler.SHRINKAGE, line.sku(), m.warehouse(), m.location(), detail);
            valuation.value(c, StockValuation.GAIN_OR_LOSS, Reconciler.SHRINKAGE, Reconciler.deviceRef(m), Reconciler.deviceDate(m),
                    m.deviceId(), List.of(new StockValuation.Change(line.sku(), left.negate())));
        }
        return true;
    }
}
