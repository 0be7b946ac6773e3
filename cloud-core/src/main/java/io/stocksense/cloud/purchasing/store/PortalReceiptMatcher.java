package io.stocksense.cloud.purchasing.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.AlertStore;
import io.stocksense.cloud.purchasing.api.ReceiptView;
import io.stocksense.cloud.purchasing.domain.ReceiptAllocation;
import io.stocksense.cloud.inventory.domain.StockValuation;
import io.stocksense.cloud.reconcile.PurchaseOrderMatcher;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches goods an inbound portal saw (a device RECEIPT line, already posted to the ledger) to the
 * open purchase orders of the portal's warehouse: sent or partially received orders with an open
 * line of that SKU and unit, oldest expected first. The matched quantity becomes a portal receipt of
 * those lines only. Goods no open line expects raise an {@code unexpected-receipt} alert, and goods
 * beyond the lines' tolerance an {@code over-receipt} alert, with the device, event and EPCs: they
 * are in stock (the devices saw them) but not received against any order, costed at zero (the alert
 * says so with {@code valuedAt}) until someone prices them.
 *
 * <p>Runs inside the ingest transaction of the event (which is idempotent by event id), locking the
 * order rows it books against.
 */
public final class PortalReceiptMatcher implements PurchaseOrderMatcher {

    public static final String UNEXPECTED = "unexpected-receipt";
    public static final String OVER = "over-receipt";

    private final ReceivingStore receiving;
    private final StockValuation valuation;

    public PortalReceiptMatcher(ReceivingStore receiving, StockValuation valuation) {
        this.receiving = receiving;
        this.valuation = valuation;
    }

    private record Candidate(ReceiptAllocation.OpenLine line, BigDecimal unitPrice) {
    }

    @Override
    public boolean matches(Connection c, StockMovement m, MovementLine line) throws SQLException {
        List<Candidate> open = Sql.list(c, "SELECT po.id, l.line_no, l.quantity, l.received, po.tolerance_pct, l.unit_price"
                + " FROM purchase_order po JOIN purchase_order_line l ON l.po_id = po.id WHERE po.warehouse = ?"
                + " AND po.status IN ('sent', 'partially-received') AND l.sku = ? AND l.unit = ?"
                + " ORDER BY po.expected_date NULLS LAST, po.id, l.line_no FOR UPDATE OF po",
                rs -> new Candidate(new ReceiptAllocation.OpenLine(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)), rs.getBigDecimal(6)),
                m.warehouse(), line.sku(), line.unit());
        ReceiptAllocation.Result result = ReceiptAllocation.allocate(open.stream().map(Candidate::line).toList(), line.quantity());
        Map<Long, List<ReceiptView.Line>> byOrder = new LinkedHashMap<>();
        for (ReceiptAllocation.Share s : result.shares()) {
            BigDecimal price = open.stream().filter(o -> o.line().equals(s.line())).findFirst().orElseThrow().unitPrice();
            byOrder.computeIfAbsent(s.line().poId(), k -> new ArrayList<>()).add(new ReceiptView.Line(s.line().lineNo(),
                    line.sku(), s.quantity(), line.unit(), price, line.epcs()));
        }
        Instant seen = m.deviceTime() != null ? m.deviceTime() : m.gatewayTime();
        LocalDate date = Reconciler.deviceDate(m);
        for (Map.Entry<Long, List<ReceiptView.Line>> e : byOrder.entrySet()) {
            receiving.recordPortal(c, e.getKey(), m.eventId(), m.deviceId(), m.location(), date, e.getValue());
        }
        if (result.excess().signum() > 0) {
            boolean none = result.shares().isEmpty();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("deviceId", m.deviceId());
            detail.put("eventId", m.eventId());
            detail.put("quantity", Amounts.plain(result.excess()));
            detail.put("unit", line.unit());
            detail.put("epcs", line.epcs());
            detail.put("seenAt", seen.toString());
            detail.put("receivedAgainst", byOrder.keySet());
            detail.put("reason", none ? "no open purchase order of this warehouse expects this item"
                    : "more than the open purchase order lines accept within their tolerance");
            detail.put("valuedAt", "0.00");
            AlertStore.raise(c, none ? UNEXPECTED : OVER, line.sku(), m.warehouse(), m.location(), detail);
            valuation.value(c, StockValuation.UNORDERED_RECEIPT, "unordered-receipt", Reconciler.deviceRef(m), date, m.deviceId(),
                    List.of(new StockValuation.Change(line.sku(), result.excess())));
        }
        return !result.shares().isEmpty();
    }
}
