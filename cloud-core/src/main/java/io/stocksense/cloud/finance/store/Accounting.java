package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.domain.Accounts;
import io.stocksense.cloud.finance.domain.JournalEntry;
import io.stocksense.cloud.purchasing.api.PurchaseOrderView;
import io.stocksense.cloud.purchasing.api.ReceiptView;
import io.stocksense.cloud.purchasing.store.PurchaseBookkeeping;
import io.stocksense.cloud.sales.api.SalesOrderView;
import io.stocksense.cloud.sales.api.ShipmentView;
import io.stocksense.cloud.sales.store.SalesBookkeeping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Values the goods movements of purchasing and sales and posts their journal entries, on the
 * document's transaction:
 * <ul>
 * <li>goods receipt: Dr Inventory / Cr Goods received not invoiced, at the order price;</li>
 * <li>purchase return: Dr GRNI / Cr Inventory, at the order price, for goods not yet invoiced; a
 *     supplier debit note for goods already invoiced ({@link DebitNotes});</li>
 * <li>shipment: Dr Cost of goods sold / Cr Inventory, at cost ({@link Costing#issue}), written to
 *     {@code shipment_line.cogs};</li>
 * <li>sales return: Dr Inventory / Cr COGS, at the average cost the line's goods left with.</li>
 * </ul>
 */
public final class Accounting implements PurchaseBookkeeping, SalesBookkeeping {

    @Override
    public void goodsReceived(Connection c, PurchaseOrderView po, long receiptId, LocalDate date, List<ReceiptView.Line> lines)
            throws SQLException {
        String ref = "receipt:" + receiptId;
        BigDecimal total = BigDecimal.ZERO;
        for (ReceiptView.Line l : lines) {
            total = total.add(Costing.receive(c, l.sku(), l.quantity(), l.unitCost(), date, ref));
        }
        Journal.post(c, new JournalEntry(date, "goods-receipt", ref, po.number())
                .debit(Accounts.INVENTORY, total, null).credit(Accounts.GRNI, total, po.supplier()));
    }

    /**
     * Values the goods sent back at the order price; what the supplier had not yet invoiced clears
     * GRNI, what it had invoiced becomes a debit note ({@link DebitNotes}).
     */
    @Override
    public void goodsReturned(Connection c, PurchaseOrderView po, long returnId, LocalDate date, List<ReceiptView.Line> lines)
            throws SQLException {
        BigDecimal grni = BigDecimal.ZERO;
        List<DebitNotes.Credited> invoiced = new ArrayList<>();
        for (ReceiptView.Line l : lines) {
            BigDecimal cost = Costing.returnOut(c, l.sku(), l.quantity(), l.unitCost());
            PurchaseOrderView.Line ordered = po.lines().stream().filter(o -> o.line() == l.line()).findFirst().orElseThrow();
            BigDecimal notInvoiced = ordered.received().subtract(ordered.returned()).subtract(ordered.invoiced()).max(BigDecimal.ZERO);
            BigDecimal billed = l.quantity().subtract(l.quantity().min(notInvoiced));
            if (billed.signum() > 0) {
                BigDecimal billedCost = cost.min(Amounts.cents(billed.multiply(l.unitCost())));
                invoiced.add(new DebitNotes.Credited(l.line(), l.sku(), billed, billedCost));
                cost = cost.subtract(billedCost);
            }
            grni = grni.add(cost);
        }
        Journal.post(c, new JournalEntry(date, "purchase-return", "purchase-return:" + returnId, po.number())
                .debit(Accounts.GRNI, grni, po.supplier()).credit(Accounts.INVENTORY, grni, null));
        if (!invoiced.isEmpty()) {
            DebitNotes.issue(c, po, returnId, date, invoiced);
        }
    }

    @Override
    public void goodsShipped(Connection c, SalesOrderView so, long shipmentId, LocalDate date, List<ShipmentView.Line> lines)
            throws SQLException {
        BigDecimal total = BigDecimal.ZERO;
        for (ShipmentView.Line l : lines) {
            BigDecimal cogs = Costing.issue(c, l.sku(), l.quantity());
            Sql.update(c, "UPDATE shipment_line SET cogs = ? WHERE shipment_id = ? AND so_line_no = ?", cogs, shipmentId, l.line());
            total = total.add(cogs);
        }
        Journal.post(c, new JournalEntry(date, "shipment", "shipment:" + shipmentId, so.number())
                .debit(Accounts.COGS, total, so.customer()).credit(Accounts.INVENTORY, total, null));
    }

    @Override
    public void goodsReturned(Connection c, SalesOrderView so, long returnId, LocalDate date, List<ShipmentView.Line> lines)
            throws SQLException {
        String ref = "sales-return:" + returnId;
        BigDecimal total = BigDecimal.ZERO;
        for (ShipmentView.Line l : lines) {
            BigDecimal[] shipped = Sql.one(c, "SELECT COALESCE(SUM(sl.cogs), 0), COALESCE(SUM(sl.quantity), 0) FROM shipment_line sl"
                    + " JOIN shipment s ON s.id = sl.shipment_id WHERE s.so_id = ? AND sl.so_line_no = ?",
                    rs -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}, so.id(), l.line()).orElseThrow();
            BigDecimal cost = shipped[1].signum() == 0 ? BigDecimal.ZERO
                    : Amounts.cents(shipped[0].multiply(l.quantity()).divide(shipped[1], 20, RoundingMode.HALF_UP));
            Costing.returnIn(c, l.sku(), l.quantity(), cost, date, ref);
            Sql.update(c, "UPDATE sales_return_line SET cost = ? WHERE return_id = ? AND so_line_no = ?", cost, returnId, l.line());
            total = total.add(cost);
        }
        Journal.post(c, new JournalEntry(date, "sales-return", ref, so.number())
                .debit(Accounts.INVENTORY, total, null).credit(Accounts.COGS, total, so.customer()));
    }
}
