package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Inventory costing per product, on the document's transaction, exact in decimal. Each product has a
 * costed quantity and value ({@code product_costing}, row-locked by every change) and a method:
 *
 * <ul>
 * <li>{@code average} (moving weighted average, the default): a receipt adds {@code q × unit cost}
 *     (rounded to cents); an issue of q out of Q valued V costs {@code round(V × q / Q, 2)}, and the
 *     last units take exactly what is left of V, so no cent is lost to rounding.</li>
 * <li>{@code fifo}: a receipt is a layer; an issue consumes the oldest layers first and costs
 *     {@code round(Σ taken × layer cost, 2)}.</li>
 * </ul>
 * Goods issued beyond the costed quantity (stock the devices saw but no document valued) are costed
 * at the last known unit cost, or zero.
 */
public final class Costing {

    public static final String AVERAGE = "average";
    public static final String FIFO = "fifo";

    private record Balance(String method, BigDecimal quantity, BigDecimal value) {
    }

    private record Layer(long id, BigDecimal left, BigDecimal unitCost) {
    }

    private Costing() {
    }

    /** Adds {@code quantity} at {@code unitCost}; returns the value added (cents). */
    public static BigDecimal receive(Connection c, String sku, BigDecimal quantity, BigDecimal unitCost, LocalDate date,
                                     String ref) throws SQLException {
        BigDecimal value = Amounts.cents(quantity.multiply(unitCost));
        add(c, sku, quantity, value, unitCost, date, ref);
        return value;
    }

    /** Takes back goods at a known total cost (a sales return at the cost they left with). */
    public static void returnIn(Connection c, String sku, BigDecimal quantity, BigDecimal cost, LocalDate date, String ref)
            throws SQLException {
        add(c, sku, quantity, cost, cost.divide(quantity, 4, RoundingMode.HALF_UP), date, ref);
    }

    /** Issues goods (a sale); returns their cost (cents). */
    public static BigDecimal issue(Connection c, String sku, BigDecimal quantity) throws SQLException {
        Balance b = lock(c, sku);
        BigDecimal cost;
        if (b.method().equals(FIFO)) {
            cost = consume(c, sku, quantity, null, b);
        } else if (b.quantity().signum() <= 0) {
            cost = Amounts.cents(quantity.multiply(lastUnitCost(c, sku, b)));
        } else if (quantity.compareTo(b.quantity()) >= 0) {
            BigDecimal beyond = quantity.subtract(b.quantity());
            cost = b.value().add(Amounts.cents(beyond.multiply(unit(b))));
        } else {
            cost = Amounts.cents(b.value().multiply(quantity).divide(b.quantity(), 20, RoundingMode.HALF_UP));
        }
        update(c, sku, quantity.negate(), cost.negate());
        return cost;
    }

    /** Sends goods back to their supplier at the price they were bought at; returns that value (cents). */
    public static BigDecimal returnOut(Connection c, String sku, BigDecimal quantity, BigDecimal unitCost) throws SQLException {
        Balance b = lock(c, sku);
        BigDecimal cost = quantity.compareTo(b.quantity()) == 0 ? b.value() : Amounts.cents(quantity.multiply(unitCost));
        if (b.method().equals(FIFO)) {
            consume(c, sku, quantity, unitCost, b);
        }
        update(c, sku, quantity.negate(), cost.negate());
        return cost;
    }

    /**
     * What one more unit found in stock is worth now: the average unit cost of the costed stock, else
     * the cost of the newest FIFO layer, else the product's purchase price, else zero.
     */
    public static BigDecimal unitCostNow(Connection c, String sku) throws SQLException {
        Balance b = lock(c, sku);
        if (b.quantity().signum() > 0 && b.value().signum() >= 0) {
            return unit(b);
        }
        java.util.Optional<BigDecimal> layer = Sql.one(c, "SELECT unit_cost FROM cost_layer WHERE sku = ? ORDER BY id DESC LIMIT 1",
                rs -> rs.getBigDecimal(1), sku);
        if (layer.isPresent()) {
            return layer.get();
        }
        return Sql.one(c, "SELECT purchase_price FROM product WHERE sku = ? AND purchase_price IS NOT NULL", rs -> rs.getBigDecimal(1),
                sku).orElse(BigDecimal.ZERO);
    }

    /** Sets the method of a product; only while it has no costed stock (the history would be mixed). */
    public static boolean setMethod(Connection c, String sku, String method) throws SQLException {
        Balance b = lock(c, sku);
        if (b.quantity().signum() != 0 && !b.method().equals(method)) {
            return false;
        }
        Sql.update(c, "UPDATE product_costing SET method = ? WHERE sku = ?", method, sku);
        return true;
    }

    private static void add(Connection c, String sku, BigDecimal quantity, BigDecimal value, BigDecimal unitCost,
                            LocalDate date, String ref) throws SQLException {
        Balance b = lock(c, sku);
        if (b.method().equals(FIFO)) {
            Sql.update(c, "INSERT INTO cost_layer (sku, layer_date, source_ref, quantity_in, quantity_left, unit_cost)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", sku, date, ref, quantity, quantity, unitCost);
        }
        update(c, sku, quantity, value);
    }

    /**
     * Consumes FIFO layers for {@code quantity}: oldest first, or, for a return to the supplier at
     * {@code preferCost}, the newest layers of that cost first. Returns the cost of what was taken.
     */
    private static BigDecimal consume(Connection c, String sku, BigDecimal quantity, BigDecimal preferCost, Balance b)
            throws SQLException {
        String order = preferCost == null ? "id" : "(unit_cost = " + preferCost.toPlainString() + ") DESC, id DESC";
        List<Layer> layers = Sql.list(c, "SELECT id, quantity_left, unit_cost FROM cost_layer WHERE sku = ? AND quantity_left > 0"
                + " ORDER BY " + order + " FOR UPDATE", rs -> new Layer(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), sku);
        BigDecimal left = quantity;
        BigDecimal raw = BigDecimal.ZERO;
        BigDecimal last = lastUnitCost(c, sku, b);
        for (Layer l : layers) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = left.min(l.left());
            Sql.update(c, "UPDATE cost_layer SET quantity_left = quantity_left - ? WHERE id = ?", take, l.id());
            raw = raw.add(take.multiply(l.unitCost()));
            last = l.unitCost();
            left = left.subtract(take);
        }
        raw = raw.add(left.max(BigDecimal.ZERO).multiply(last));
        return quantity.compareTo(b.quantity()) == 0 ? b.value() : Amounts.cents(raw);
    }

    private static BigDecimal unit(Balance b) {
        return b.value().divide(b.quantity(), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal lastUnitCost(Connection c, String sku, Balance b) throws SQLException {
        if (b.quantity().signum() > 0) {
            return unit(b);
        }
        return Sql.one(c, "SELECT unit_cost FROM cost_layer WHERE sku = ? ORDER BY id DESC LIMIT 1", rs -> rs.getBigDecimal(1), sku)
                .orElse(BigDecimal.ZERO);
    }

    private static Balance lock(Connection c, String sku) throws SQLException {
        Sql.update(c, "INSERT INTO product_costing (sku) VALUES (?) ON CONFLICT DO NOTHING", sku);
        return Sql.one(c, "SELECT method, quantity, value FROM product_costing WHERE sku = ? FOR UPDATE",
                rs -> new Balance(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), sku).orElseThrow();
    }

    private static void update(Connection c, String sku, BigDecimal quantity, BigDecimal value) throws SQLException {
        Sql.update(c, "UPDATE product_costing SET quantity = quantity + ?, value = value + ? WHERE sku = ?", quantity, value, sku);
    }
}
