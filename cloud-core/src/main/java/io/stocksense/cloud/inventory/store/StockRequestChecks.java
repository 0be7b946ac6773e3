package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.catalog.store.JdbcCatalogLookup;
import io.stocksense.cloud.inventory.domain.InvalidStockRequestException;

import java.math.BigDecimal;
import java.sql.Connection;

/**
 * Checks of a manual stock request against master data, on the posting transaction's connection.
 * Each failure is an {@link InvalidStockRequestException} that names the field and the fix.
 */
public final class StockRequestChecks {

    /** numeric(18,3) in the ledger: more decimals would be rounded silently, so they are refused. */
    static final int MAX_SCALE = 3;

    private StockRequestChecks() {
    }

    /** The product's unit; {@code unit} (optional) must equal it. */
    public static String productUnit(Connection c, String sku, String unit) {
        String productUnit = new JdbcCatalogLookup(c).productUnit(sku)
                .orElseThrow(() -> invalid("unknown sku " + sku + "; see GET /api/v1/products"));
        if (unit != null && !unit.equals(productUnit)) {
            throw invalid("unit " + unit + " does not match the unit of " + sku + ", which is " + productUnit);
        }
        return productUnit;
    }

    public static void location(Connection c, String field, String warehouse, String location) {
        JdbcCatalogLookup lookup = new JdbcCatalogLookup(c);
        if (!lookup.warehouseExists(warehouse)) {
            throw invalid("unknown warehouse " + warehouse + "; see GET /api/v1/warehouses");
        }
        if (!lookup.locationExists(warehouse, location)) {
            throw invalid(field + ": unknown location " + location + " in warehouse " + warehouse
                    + "; see GET /api/v1/locations");
        }
    }

    public static void warehouse(Connection c, String warehouse) {
        if (!new JdbcCatalogLookup(c).warehouseExists(warehouse)) {
            throw invalid("unknown warehouse " + warehouse + "; see GET /api/v1/warehouses");
        }
    }

    /** Non-zero, at most three decimals; {@code positive} also refuses negatives. */
    public static void quantity(BigDecimal q, boolean positive) {
        if (q.signum() == 0) {
            throw invalid("quantity must not be zero");
        }
        if (positive && q.signum() < 0) {
            throw invalid("quantity must be positive, was " + q.toPlainString());
        }
        if (q.stripTrailingZeros().scale() > MAX_SCALE) {
            throw invalid("quantity " + q.toPlainString() + " has more than " + MAX_SCALE + " decimals");
        }
    }

    public static InvalidStockRequestException invalid(String message) {
        return new InvalidStockRequestException(message);
    }
}
