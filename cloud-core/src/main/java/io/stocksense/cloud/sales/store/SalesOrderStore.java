package io.stocksense.cloud.sales.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentNumbers;
import io.stocksense.cloud.documents.MasterDataChecks;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.sales.api.SalesOrderRequest;
import io.stocksense.cloud.sales.api.SalesOrderView;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Sales orders: created and modified as drafts, confirmed (credit check and stock reservation, see
 * {@link Reservations}), picked, shipped ({@link ShippingStore}), completed when invoiced, or cancelled
 * before anything was shipped (the reservation is released). Each change is one transaction that
 * locks the order row first. Blocking; call from a worker thread.
 */
public final class SalesOrderStore {

    /** The customer's open receivables (unpaid invoices), supplied by finance; zero without it. */
    public interface OpenReceivables {
        OpenReceivables NONE = (c, customer) -> BigDecimal.ZERO;

        BigDecimal of(Connection c, String customer) throws SQLException;
    }

    private final DataSource dataSource;
    private final Transactions tx;
    private final OpenReceivables receivables;

    public SalesOrderStore(DataSource dataSource, OpenReceivables receivables) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.receivables = receivables;
    }

    public SalesOrderView create(SalesOrderRequest r, String user) throws SQLException {
        return tx.run(c -> {
            validateHeader(c, r);
            long id = Sql.insert(c, "INSERT INTO sales_order (number, customer, warehouse, location, currency, status,"
                    + " order_date, net_total, vat_total, gross_total, note, created_by) VALUES (?, ?, ?, ?, ?, 'draft', ?, 0, 0, 0,"
                    + " ?, ?) RETURNING id", DocumentNumbers.next(c, "SO"), r.customer(), r.warehouse(), r.location(),
                    r.currency(), r.orderDate() == null ? LocalDate.now() : r.orderDate(), r.note(), user);
            writeLines(c, id, r.lines());
            return SalesOrderReader.load(c, id, false).orElseThrow();
        });
    }

    /** Replaces a draft's header and lines. */
    public Optional<SalesOrderView> update(long id, SalesOrderRequest r) throws SQLException {
        return change(id, (c, so) -> {
            SalesOrderReader.requireStatus(so, "modified", "draft");
            validateHeader(c, r);
            Sql.update(c, "UPDATE sales_order SET customer = ?, warehouse = ?, location = ?, currency = ?, note = ?,"
                    + " order_date = COALESCE(?, order_date) WHERE id = ?", r.customer(), r.warehouse(), r.location(),
                    r.currency(), r.note(), r.orderDate(), id);
            Sql.update(c, "DELETE FROM sales_order_line WHERE so_id = ?", id);
            writeLines(c, id, r.lines());
        });
    }

    public Optional<SalesOrderView> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SalesOrderReader.load(c, id, false);
        }
    }

    public List<SalesOrderView> list(String status, String customer, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<SalesOrderView> out = new ArrayList<>();
            for (long id : Sql.list(c, "SELECT id FROM sales_order WHERE (?::text IS NULL OR status = ?)"
                    + " AND (?::text IS NULL OR customer = ?) ORDER BY id DESC LIMIT ?", rs -> rs.getLong(1),
                    status, status, customer, customer, limit)) {
                SalesOrderReader.load(c, id, false).ifPresent(out::add);
            }
            return out;
        }
    }

    /**
     * Confirms a draft: the customer's exposure (open orders not yet invoiced, plus unpaid invoices,
     * plus this order) must stay within the credit limit, and every line's quantity is reserved.
     * The customer row is locked so that two confirmations of one customer check the limit in turn.
     */
    public Optional<SalesOrderView> confirm(long id, String user) throws SQLException {
        return change(id, (c, so) -> {
            SalesOrderReader.requireStatus(so, "confirmed", "draft");
            checkCredit(c, so);
            Reservations.reserve(c, so);
            Sql.update(c, "UPDATE sales_order SET status = 'confirmed', confirmed_by = ?, confirmed_at = now() WHERE id = ?",
                    user, id);
        });
    }

    /** Cancels an order nothing was shipped for, releasing its reservation. */
    public Optional<SalesOrderView> cancel(long id) throws SQLException {
        return change(id, (c, so) -> {
            SalesOrderReader.requireStatus(so, "cancelled", "draft", "confirmed", "picking");
            Sql.update(c, "DELETE FROM stock_reservation WHERE so_id = ?", id);
            SalesOrderReader.setStatus(c, id, "cancelled");
        });
    }

    /** Starts picking; with {@code toLocation} the reserved goods move there (a staging or dock location). */
    public Optional<SalesOrderView> pick(long id, String toLocation, String user) throws SQLException {
        return change(id, (c, so) -> {
            SalesOrderReader.requireStatus(so, "picked", "confirmed", "picking", "partially-shipped");
            if (toLocation != null) {
                StockRequestChecks.location(c, "toLocation", so.warehouse(), toLocation);
                Reservations.moveTo(c, so, toLocation, user);
            }
            if (so.status().equals("confirmed")) {
                SalesOrderReader.setStatus(c, id, "picking");
            }
        });
    }

    interface Change {
        void apply(Connection c, SalesOrderView so) throws SQLException;
    }

    Optional<SalesOrderView> change(long id, Change change) throws SQLException {
        return tx.run(c -> {
            Optional<SalesOrderView> so = SalesOrderReader.load(c, id, true);
            if (so.isEmpty()) {
                return so;
            }
            change.apply(c, so.get());
            return SalesOrderReader.load(c, id, false);
        });
    }

    private void checkCredit(Connection c, SalesOrderView so) throws SQLException {
        Optional<BigDecimal> limit = Sql.one(c, "SELECT credit_limit FROM customer WHERE code = ? FOR UPDATE",
                rs -> Optional.ofNullable(rs.getBigDecimal(1)), so.customer()).orElseThrow();
        if (limit.isEmpty()) {
            return;
        }
        BigDecimal openOrders = Sql.one(c, "SELECT COALESCE(SUM(ROUND((l.net + l.vat) * (l.quantity - l.invoiced) / l.quantity, 2)), 0)"
                + " FROM sales_order o JOIN sales_order_line l ON l.so_id = o.id WHERE o.customer = ? AND o.id <> ?"
                + " AND o.status IN ('confirmed', 'picking', 'partially-shipped', 'shipped')",
                rs -> rs.getBigDecimal(1), so.customer(), so.id()).orElseThrow();
        BigDecimal open = receivables.of(c, so.customer());
        BigDecimal exposure = openOrders.add(open).add(so.grossTotal());
        if (exposure.compareTo(limit.get()) > 0) {
            throw DocumentConflicts.conflict("credit-limit-exceeded", "Credit limit exceeded", "customer " + so.customer()
                    + " has a credit limit of " + limit.get().toPlainString() + " " + so.currency() + "; open orders "
                    + openOrders.toPlainString() + " + unpaid invoices " + open.toPlainString() + " + this order "
                    + so.grossTotal().toPlainString() + " = " + exposure.toPlainString(),
                    Map.of("creditLimit", limit.get(), "exposure", exposure, "customer", so.customer()));
        }
    }

    private static void validateHeader(Connection c, SalesOrderRequest r) throws SQLException {
        MasterDataChecks.customer(c, r.customer());
        StockRequestChecks.location(c, "location", r.warehouse(), r.location());
        if (r.lines().isEmpty()) {
            throw invalid("lines must not be empty");
        }
    }

    private static void writeLines(Connection c, long id, List<SalesOrderRequest.Line> lines) throws SQLException {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        int no = 1;
        for (SalesOrderRequest.Line l : lines) {
            StockRequestChecks.quantity(l.quantity(), true);
            String unit = StockRequestChecks.productUnit(c, l.sku(), null);
            BigDecimal price = l.unitPrice() != null ? l.unitPrice() : Sql.one(c, "SELECT sale_price FROM product WHERE sku = ?",
                    rs -> rs.getBigDecimal(1), l.sku()).filter(p -> p != null)
                    .orElseThrow(() -> invalid("unitPrice is required: product " + l.sku() + " has no sale price"));
            BigDecimal discount = l.discountPct() == null ? BigDecimal.ZERO : l.discountPct();
            if (price.signum() < 0 || discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw invalid("line " + no + ": unitPrice must not be negative and discountPct must be 0..100");
            }
            BigDecimal rate = l.vatRate() != null ? l.vatRate() : MasterDataChecks.productVat(c, l.sku());
            BigDecimal lineNet = Amounts.net(l.quantity(), price, discount);
            BigDecimal lineVat = Amounts.vat(lineNet, rate);
            Sql.update(c, "INSERT INTO sales_order_line (so_id, line_no, sku, quantity, unit, unit_price, discount_pct, vat_rate,"
                    + " net, vat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, no++, l.sku(), l.quantity(), unit, price,
                    discount, rate, lineNet, lineVat);
            net = net.add(lineNet);
            vat = vat.add(lineVat);
        }
        Sql.update(c, "UPDATE sales_order SET net_total = ?, vat_total = ?, gross_total = ? WHERE id = ?", net, vat,
                net.add(vat), id);
    }
}
