package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentLine;
import io.stocksense.cloud.documents.DocumentNumbers;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.finance.api.InvoiceView;
import io.stocksense.cloud.finance.domain.Accounts;
import io.stocksense.cloud.finance.domain.JournalEntry;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.sales.api.SalesOrderView;
import io.stocksense.cloud.sales.store.SalesOrderReader;

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
 * Customer invoices and credit notes, and supplier invoices, each numbered gap-free in its series
 * ({@code INV}, {@code CN}, {@code SINV}) by {@link DocumentNumbers} in the invoice's transaction.
 *
 * <p>Invoicing a sales order bills, per line, what was shipped and not returned and not yet billed;
 * goods returned after they were billed give a credit note (negative amounts) instead. Journal:
 * Dr Receivables (gross) / Cr Revenue (net) / Cr VAT output. A supplier invoice bills received, not
 * returned, not yet invoiced order quantities: Dr GRNI (at the order price) / Dr Purchase price
 * variance (invoice − order price) / Dr VAT input / Cr Payables (gross). Blocking.
 */
public final class InvoiceStore {

    private final DataSource dataSource;
    private final Transactions tx;

    public InvoiceStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    /** Bills a sales order; returns the invoice and/or credit note created (409 when nothing is to bill). */
    public Optional<List<InvoiceView>> invoiceSalesOrder(long soId, LocalDate date, int dueDays, String user) throws SQLException {
        return tx.run(c -> {
            Optional<SalesOrderView> found = SalesOrderReader.load(c, soId, true);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SalesOrderView so = found.get();
            LocalDate day = date == null ? LocalDate.now() : date;
            List<SalesOrderView.Line> bill = new ArrayList<>();
            List<SalesOrderView.Line> credit = new ArrayList<>();
            for (SalesOrderView.Line l : so.lines()) {
                BigDecimal open = l.shipped().subtract(l.returned()).subtract(l.invoiced());
                (open.signum() > 0 ? bill : credit).add(l);
            }
            credit.removeIf(l -> l.shipped().subtract(l.returned()).subtract(l.invoiced()).signum() == 0);
            if (bill.isEmpty() && credit.isEmpty()) {
                throw DocumentConflicts.conflict("nothing-to-invoice", "Nothing to invoice", "sales order " + so.number()
                        + " has nothing shipped and not yet invoiced, and no returns to credit", Map.of("status", so.status()));
            }
            List<InvoiceView> out = new ArrayList<>();
            if (!bill.isEmpty()) {
                out.add(customerDocument(c, so, "invoice", bill, day, day.plusDays(dueDays), user));
            }
            if (!credit.isEmpty()) {
                out.add(customerDocument(c, so, "credit-note", credit, day, day, user));
            }
            boolean done = Sql.list(c, "SELECT shipped - returned = invoiced AND shipped >= quantity FROM sales_order_line"
                    + " WHERE so_id = ?", rs -> rs.getBoolean(1), soId).stream().allMatch(b -> b);
            if (done && so.status().equals("shipped")) {
                SalesOrderReader.setStatus(c, soId, "completed");
            }
            return Optional.of(out);
        });
    }

    private InvoiceView customerDocument(Connection c, SalesOrderView so, String kind, List<SalesOrderView.Line> lines,
                                         LocalDate date, LocalDate due, String user) throws SQLException {
        String number = DocumentNumbers.next(c, kind.equals("invoice") ? "INV" : "CN");
        long id = Sql.insert(c, "INSERT INTO customer_invoice (number, kind, customer, so_id, invoice_date, due_date, currency,"
                + " net, vat, gross, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?) RETURNING id", number, kind,
                so.customer(), so.id(), date, due, so.currency(), user);
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        int no = 1;
        for (SalesOrderView.Line l : lines) {
            BigDecimal q = l.shipped().subtract(l.returned()).subtract(l.invoiced());
            BigDecimal lineNet = Amounts.net(q, l.unitPrice(), l.discountPct());
            BigDecimal lineVat = Amounts.vat(lineNet, l.vatRate());
            Sql.update(c, "INSERT INTO customer_invoice_line (invoice_id, line_no, so_line_no, sku, quantity, unit_price,"
                    + " discount_pct, vat_rate, net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, no++, l.line(), l.sku(), q,
                    l.unitPrice(), l.discountPct(), l.vatRate(), lineNet, lineVat);
            Sql.update(c, "UPDATE sales_order_line SET invoiced = invoiced + ? WHERE so_id = ? AND line_no = ?", q, so.id(), l.line());
            net = net.add(lineNet);
            vat = vat.add(lineVat);
        }
        BigDecimal gross = net.add(vat);
        Sql.update(c, "UPDATE customer_invoice SET net = ?, vat = ?, gross = ? WHERE id = ?", net, vat, gross, id);
        Journal.post(c, new JournalEntry(date, kind, number, so.number()).debit(Accounts.RECEIVABLES, gross, so.customer())
                .credit(Accounts.REVENUE, net, so.customer()).credit(Accounts.VAT_OUTPUT, vat, null));
        return InvoiceReader.customer(c, id).orElseThrow();
    }

    /** A supplier's invoice for received order lines; {@code prices} may override the order price per line. */
    public Optional<InvoiceView> supplierInvoice(long poId, String reference, LocalDate date, int dueDays, List<DocumentLine> lines,
                                                 Map<Integer, BigDecimal> prices, String user) throws SQLException {
        return tx.run(c -> {
            Optional<String[]> po = Sql.one(c, "SELECT number, supplier, currency FROM purchase_order WHERE id = ? FOR UPDATE",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, poId);
            if (po.isEmpty()) {
                return Optional.empty();
            }
            LocalDate day = date == null ? LocalDate.now() : date;
            String number = DocumentNumbers.next(c, "SINV");
            long id = Sql.insert(c, "INSERT INTO supplier_invoice (number, supplier_reference, supplier, po_id, invoice_date,"
                    + " due_date, currency, net, vat, gross, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?) RETURNING id",
                    number, reference, po.get()[1], poId, day, day.plusDays(dueDays), po.get()[2], user);
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal vat = BigDecimal.ZERO;
            BigDecimal grni = BigDecimal.ZERO;
            for (DocumentLine d : lines) {
                StockRequestChecks.quantity(d.quantity(), true);
                Object[] l = Sql.one(c, "SELECT sku, unit_price, vat_rate, received - returned - invoiced FROM purchase_order_line"
                        + " WHERE po_id = ? AND line_no = ?", rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4)}, poId, d.line()).orElseThrow(() -> StockRequestChecks.invalid(
                        "purchase order " + po.get()[0] + " has no line " + d.line()));
                if (d.quantity().compareTo((BigDecimal) l[3]) > 0) {
                    throw DocumentConflicts.conflict("more-than-received", "More than received", "line " + d.line() + " of "
                            + po.get()[0] + " has " + Amounts.plain((BigDecimal) l[3]) + " received and not yet invoiced",
                            Map.of("line", d.line()));
                }
                BigDecimal orderPrice = (BigDecimal) l[1];
                BigDecimal price = prices.getOrDefault(d.line(), orderPrice);
                BigDecimal lineNet = Amounts.net(d.quantity(), price, null);
                BigDecimal lineVat = Amounts.vat(lineNet, (BigDecimal) l[2]);
                Sql.update(c, "INSERT INTO supplier_invoice_line (invoice_id, po_line_no, sku, quantity, unit_price, vat_rate, net, vat)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, d.line(), l[0], d.quantity(), price, l[2], lineNet, lineVat);
                Sql.update(c, "UPDATE purchase_order_line SET invoiced = invoiced + ? WHERE po_id = ? AND line_no = ?",
                        d.quantity(), poId, d.line());
                net = net.add(lineNet);
                vat = vat.add(lineVat);
                grni = grni.add(Amounts.net(d.quantity(), orderPrice, null));
            }
            BigDecimal gross = net.add(vat);
            Sql.update(c, "UPDATE supplier_invoice SET net = ?, vat = ?, gross = ? WHERE id = ?", net, vat, gross, id);
            String supplier = po.get()[1];
            Journal.post(c, new JournalEntry(day, "supplier-invoice", number, po.get()[0] + (reference == null ? "" : " " + reference))
                    .debit(Accounts.GRNI, grni, supplier).debit(Accounts.PRICE_VARIANCE, net.subtract(grni), supplier)
                    .debit(Accounts.VAT_INPUT, vat, null).credit(Accounts.PAYABLES, gross, supplier));
            return InvoiceReader.supplier(c, id);
        });
    }

    public Optional<InvoiceView> customerInvoice(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return InvoiceReader.customer(c, id);
        }
    }

    public Optional<InvoiceView> supplierInvoice(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return InvoiceReader.supplier(c, id);
        }
    }

    public List<InvoiceView> customerInvoices(String customer, boolean openOnly, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<InvoiceView> out = new ArrayList<>();
            for (long id : Sql.list(c, "SELECT id FROM customer_invoice WHERE (?::text IS NULL OR customer = ?) ORDER BY id DESC LIMIT ?",
                    rs -> rs.getLong(1), customer, customer, limit)) {
                InvoiceReader.customer(c, id).filter(i -> !openOnly || i.open().signum() != 0).ifPresent(out::add);
            }
            return out;
        }
    }

    public List<InvoiceView> supplierInvoices(String supplier, boolean openOnly, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<InvoiceView> out = new ArrayList<>();
            for (long id : Sql.list(c, "SELECT id FROM supplier_invoice WHERE (?::text IS NULL OR supplier = ?) ORDER BY id DESC LIMIT ?",
                    rs -> rs.getLong(1), supplier, supplier, limit)) {
                InvoiceReader.supplier(c, id).filter(i -> !openOnly || i.open().signum() != 0).ifPresent(out::add);
            }
            return out;
        }
    }

    /** Unpaid customer invoices less open credit notes: the receivables the credit check counts. */
    public static BigDecimal openReceivables(Connection c, String customer) throws SQLException {
        return Sql.one(c, "SELECT COALESCE(SUM(i.gross), 0) - COALESCE((SELECT SUM(a.amount) FROM payment_allocation a"
                + " JOIN customer_invoice ci ON ci.id = a.customer_invoice WHERE ci.customer = ?), 0)"
                + " FROM customer_invoice i WHERE i.customer = ?", rs -> rs.getBigDecimal(1), customer, customer).orElseThrow();
    }
}
