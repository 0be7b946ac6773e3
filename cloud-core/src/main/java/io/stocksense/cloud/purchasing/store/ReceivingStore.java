package io.stocksense.cloud.purchasing.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentLine;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.store.StockPoster;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.purchasing.api.PurchaseOrderView;
import io.stocksense.cloud.purchasing.api.ReceiptView;
import io.stocksense.cloud.purchasing.domain.ReceiptAllocation;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Goods in and back out against purchase orders. A manual receipt posts its lines to the ledger
 * ({@code purchase-receipt}, through {@link StockPoster}) at the receiving location; a portal receipt
 * ({@link PortalReceiptMatcher}) only records what the device movement, already posted, accounts
 * for. A purchase return posts the goods out ({@code purchase-return}). Every receipt and return is
 * reported to the {@link PurchaseBookkeeping} in the same transaction (inventory value, GRNI).
 *
 * <p>Over-delivery: a line takes at most {@code ordered × (1 + tolerance)}; more is a 409 by hand, and
 * an {@code over-receipt} alert from a portal. A line counts as complete from
 * {@code ordered × (1 − tolerance)}; the order is received when every line is complete. Blocking.
 */
public final class ReceivingStore {

    private final Transactions tx;
    private final DataSource dataSource;
    private final PurchaseOrderStore orders;
    private final PurchaseBookkeeping books;
    private final StockPoster poster = new StockPoster();

    public ReceivingStore(DataSource dataSource, PurchaseOrderStore orders, PurchaseBookkeeping books) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.orders = orders;
        this.books = books;
    }

    /** Books in quantities of order lines by hand at the order's (or the given) location. */
    public Optional<ReceiptView> receive(long poId, List<DocumentLine> lines, String location, LocalDate date, String user)
            throws SQLException {
        return tx.run(c -> {
            Optional<PurchaseOrderView> found = PurchaseOrderReader.load(c, poId, true, orders::needsApproval);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            PurchaseOrderView po = found.get();
            PurchaseOrderStore.requireStatus(po, "received", "sent", "partially-received");
            String at = location == null ? po.location() : location;
            StockRequestChecks.location(c, "location", po.warehouse(), at);
            List<StockOperation.Line> stock = new ArrayList<>();
            List<ReceiptView.Line> booked = new ArrayList<>();
            for (DocumentLine d : lines) {
                PurchaseOrderView.Line l = line(po, d.line());
                StockRequestChecks.quantity(d.quantity(), true);
                BigDecimal capacity = new ReceiptAllocation.OpenLine(po.id(), l.line(), l.quantity(), l.received(),
                        po.tolerancePct()).capacity();
                if (d.quantity().compareTo(capacity) > 0) {
                    throw DocumentConflicts.conflict("over-tolerance", "Over-delivery beyond tolerance", "line " + l.line()
                            + " (" + l.sku() + ") ordered " + l.quantity() + ", received " + l.received() + ", tolerance "
                            + po.tolerancePct() + "%: it takes at most " + Amounts.plain(capacity) + " more, not "
                            + d.quantity().toPlainString(), Map.of("line", l.line(), "accepts", Amounts.plain(capacity)));
                }
                stock.add(new StockOperation.Line(new StockKey(l.sku(), po.warehouse(), at, ""), d.quantity(), l.unit(),
                        "PURCHASE_RECEIPT"));
                booked.add(new ReceiptView.Line(l.line(), l.sku(), d.quantity(), l.unit(), l.unitPrice(), List.of()));
            }
            long id = record(c, po, "manual", null, null, at, date == null ? LocalDate.now() : date, user, booked);
            poster.post(c, new StockOperation("purchase-receipt", "receipt:" + id, po.number(), user, stock));
            return Optional.of(receipt(c, id));
        });
    }

    /**
     * Records a receipt for goods a portal already posted; called by {@link PortalReceiptMatcher} in
     * the ingest transaction, with the shares of open lines the goods were allocated to.
     */
    long recordPortal(Connection c, long poId, String eventId, String deviceId, String location, LocalDate date,
                      List<ReceiptView.Line> lines) throws SQLException {
        PurchaseOrderView po = PurchaseOrderReader.load(c, poId, true, orders::needsApproval).orElseThrow();
        return record(c, po, "portal", eventId, deviceId, location, date, "device:" + deviceId, lines);
    }

    /** Sends received goods back to the supplier from the order's (or the given) location. */
    public Optional<ReceiptView> returnGoods(long poId, List<DocumentLine> lines, String location, String reason,
                                             LocalDate date, String user) throws SQLException {
        return tx.run(c -> {
            Optional<PurchaseOrderView> found = PurchaseOrderReader.load(c, poId, true, orders::needsApproval);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            PurchaseOrderView po = found.get();
            String at = location == null ? po.location() : location;
            StockRequestChecks.location(c, "location", po.warehouse(), at);
            LocalDate day = date == null ? LocalDate.now() : date;
            long id = Sql.insert(c, "INSERT INTO purchase_return (po_id, warehouse, location, return_date, reason, created_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", poId, po.warehouse(), at, day, reason, user);
            List<StockOperation.Line> stock = new ArrayList<>();
            List<ReceiptView.Line> returned = new ArrayList<>();
            for (DocumentLine d : lines) {
                PurchaseOrderView.Line l = line(po, d.line());
                StockRequestChecks.quantity(d.quantity(), true);
                if (d.quantity().compareTo(l.received().subtract(l.returned())) > 0) {
                    throw DocumentConflicts.conflict("more-than-received", "More than received", "line " + l.line() + " ("
                            + l.sku() + ") has " + l.received().subtract(l.returned()).toPlainString()
                            + " received and not yet returned", Map.of("line", l.line()));
                }
                Sql.update(c, "INSERT INTO purchase_return_line (return_id, po_line_no, sku, quantity, unit, unit_cost)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", id, l.line(), l.sku(), d.quantity(), l.unit(), l.unitPrice());
                Sql.update(c, "UPDATE purchase_order_line SET returned = returned + ? WHERE po_id = ? AND line_no = ?",
                        d.quantity(), poId, l.line());
                stock.add(new StockOperation.Line(new StockKey(l.sku(), po.warehouse(), at, ""), d.quantity().negate(),
                        l.unit(), "PURCHASE_RETURN"));
                returned.add(new ReceiptView.Line(l.line(), l.sku(), d.quantity(), l.unit(), l.unitPrice(), List.of()));
            }
            poster.post(c, new StockOperation("purchase-return", "purchase-return:" + id, reason, user, stock));
            books.goodsReturned(c, po, id, day, returned);
            return Optional.of(new ReceiptView(id, poId, "return", null, null, po.warehouse(), at, day, user, returned));
        });
    }

    public List<ReceiptView> receipts(long poId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<ReceiptView> out = new ArrayList<>();
            for (long id : Sql.list(c, "SELECT id FROM goods_receipt WHERE po_id = ? ORDER BY id", rs -> rs.getLong(1), poId)) {
                out.add(receipt(c, id));
            }
            return out;
        }
    }

    private long record(Connection c, PurchaseOrderView po, String source, String eventId, String deviceId, String location,
                        LocalDate date, String user, List<ReceiptView.Line> lines) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO goods_receipt (po_id, source, event_id, device_id, warehouse, location,"
                + " receipt_date, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", po.id(), source, eventId,
                deviceId, po.warehouse(), location, date, user);
        for (ReceiptView.Line l : lines) {
            Sql.update(c, "INSERT INTO goods_receipt_line (receipt_id, po_line_no, sku, quantity, unit, unit_cost, epcs)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, l.line(), l.sku(), l.quantity(), l.unit(), l.unitCost(), l.epcs());
            Sql.update(c, "UPDATE purchase_order_line SET received = received + ? WHERE po_id = ? AND line_no = ?",
                    l.quantity(), po.id(), l.line());
        }
        boolean complete = Sql.list(c, "SELECT quantity, received FROM purchase_order_line WHERE po_id = ?",
                rs -> ReceiptAllocation.OpenLine.complete(rs.getBigDecimal(1), rs.getBigDecimal(2), po.tolerancePct()), po.id())
                .stream().allMatch(b -> b);
        PurchaseOrderStore.setStatus(c, po.id(), complete ? "received" : "partially-received");
        books.goodsReceived(c, po, id, date, lines);
        return id;
    }

    private static ReceiptView receipt(Connection c, long id) throws SQLException {
        List<ReceiptView.Line> lines = Sql.list(c, "SELECT * FROM goods_receipt_line WHERE receipt_id = ? ORDER BY po_line_no",
                rs -> new ReceiptView.Line(rs.getInt("po_line_no"), rs.getString("sku"), Amounts.plain(rs.getBigDecimal("quantity")),
                        rs.getString("unit"), rs.getBigDecimal("unit_cost"), List.of((String[]) rs.getArray("epcs").getArray())), id);
        return Sql.one(c, "SELECT * FROM goods_receipt WHERE id = ?", rs -> new ReceiptView(id, rs.getLong("po_id"),
                rs.getString("source"), rs.getString("event_id"), rs.getString("device_id"), rs.getString("warehouse"),
                rs.getString("location"), Sql.date(rs, "receipt_date"), rs.getString("received_by"), lines), id).orElseThrow();
    }

    private static PurchaseOrderView.Line line(PurchaseOrderView po, int no) {
        return po.lines().stream().filter(l -> l.line() == no).findFirst().orElseThrow(() -> StockRequestChecks.invalid(
                "purchase order " + po.number() + " has no line " + no + " (lines 1.." + po.lines().size() + ")"));
    }
}
