package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentNumbers;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.domain.Accounts;
import io.stocksense.cloud.finance.domain.JournalEntry;
import io.stocksense.cloud.purchasing.api.PurchaseOrderView;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Supplier debit notes ({@code SDN-000001}, gap-free): goods returned to a supplier after the supplier
 * invoiced them. The note is a {@code supplier_invoice} row of kind {@code debit-note} with negative
 * amounts, at the price and VAT rate of the line's latest invoice, so it nets against the supplier's
 * open invoices in AP and its ageing, and the line's {@code invoiced} quantity goes down by what it
 * credits. Journal: Dr Payables (gross) / Cr Inventory (the goods' cost) / Cr VAT input / Cr Purchase
 * price variance (invoice − cost), which undoes what the invoice and the receipt posted for them.
 */
final class DebitNotes {

    /** A returned quantity the supplier had already invoiced, and the cost it left inventory with. */
    record Credited(int poLine, String sku, BigDecimal quantity, BigDecimal cost) {
    }

    private record Billed(BigDecimal unitPrice, BigDecimal vatRate) {
    }

    private DebitNotes() {
    }

    /** Writes the debit note of one purchase return and posts its journal entry; returns its number. */
    static String issue(Connection c, PurchaseOrderView po, long returnId, LocalDate date, List<Credited> lines)
            throws SQLException {
        String number = DocumentNumbers.next(c, "SDN");
        long id = Sql.insert(c, "INSERT INTO supplier_invoice (number, kind, supplier_reference, supplier, po_id, return_id,"
                + " invoice_date, due_date, currency, net, vat, gross, created_by) VALUES (?, 'debit-note', NULL, ?, ?, ?, ?, ?, ?,"
                + " 0, 0, 0, (SELECT created_by FROM purchase_return WHERE id = ?)) RETURNING id", number, po.supplier(), po.id(),
                returnId, date, date, po.currency(), returnId);
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Credited l : lines) {
            Billed b = Sql.one(c, "SELECT l.unit_price, l.vat_rate FROM supplier_invoice_line l JOIN supplier_invoice i"
                    + " ON i.id = l.invoice_id WHERE i.po_id = ? AND l.po_line_no = ? AND i.kind = 'invoice' ORDER BY i.id DESC LIMIT 1",
                    rs -> new Billed(rs.getBigDecimal(1), rs.getBigDecimal(2)), po.id(), l.poLine()).orElseThrow();
            BigDecimal lineNet = Amounts.net(l.quantity(), b.unitPrice(), null);
            BigDecimal lineVat = Amounts.vat(lineNet, b.vatRate());
            Sql.update(c, "INSERT INTO supplier_invoice_line (invoice_id, po_line_no, sku, quantity, unit_price, vat_rate, net, vat)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, l.poLine(), l.sku(), l.quantity().negate(), b.unitPrice(), b.vatRate(),
                    lineNet.negate(), lineVat.negate());
            Sql.update(c, "UPDATE purchase_order_line SET invoiced = invoiced - ? WHERE po_id = ? AND line_no = ?",
                    l.quantity(), po.id(), l.poLine());
            net = net.add(lineNet);
            vat = vat.add(lineVat);
            cost = cost.add(l.cost());
        }
        BigDecimal gross = net.add(vat);
        Sql.update(c, "UPDATE supplier_invoice SET net = ?, vat = ?, gross = ? WHERE id = ?", net.negate(), vat.negate(),
                gross.negate(), id);
        Journal.post(c, new JournalEntry(date, "debit-note", number, po.number()).debit(Accounts.PAYABLES, gross, po.supplier())
                .credit(Accounts.INVENTORY, cost, null).credit(Accounts.VAT_INPUT, vat, null)
                .credit(Accounts.PRICE_VARIANCE, net.subtract(cost), po.supplier()));
        return number;
    }
}
