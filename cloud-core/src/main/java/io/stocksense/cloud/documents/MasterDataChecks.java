package io.stocksense.cloud.documents;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/** Checks of the parties and rates a document names, on the document's transaction (400 problems). */
public final class MasterDataChecks {

    private MasterDataChecks() {
    }

    /** The supplier exists and is active. */
    public static void supplier(Connection c, String code) throws SQLException {
        active(c, "supplier", code);
    }

    /** The customer exists and is active. */
    public static void customer(Connection c, String code) throws SQLException {
        active(c, "customer", code);
    }

    private static void active(Connection c, String table, String code) throws SQLException {
        Boolean active = Sql.one(c, "SELECT active FROM " + table + " WHERE code = ?", rs -> rs.getBoolean(1), code).orElse(null);
        if (active == null) {
            throw invalid("unknown " + table + " " + code + "; see GET /api/v1/" + table + "s");
        }
        if (!active) {
            throw invalid(table + " " + code + " is inactive");
        }
    }

    /** The standard VAT rate ({@code tax_rate} 'standard'), the default of lines that state none. */
    public static BigDecimal standardVat(Connection c) throws SQLException {
        return Sql.one(c, "SELECT rate FROM tax_rate WHERE code = 'standard'", rs -> rs.getBigDecimal(1)).orElse(BigDecimal.ZERO);
    }

    /** The VAT rate of a product's sales: its own {@code vat_rate}, else the standard rate. */
    public static BigDecimal productVat(Connection c, String sku) throws SQLException {
        return Sql.one(c, "SELECT vat_rate FROM product WHERE sku = ? AND vat_rate IS NOT NULL", rs -> rs.getBigDecimal(1), sku)
                .orElse(standardVat(c));
    }

    /** The first location of {@code kind} in the warehouse, or a 400 problem saying what is missing. */
    public static String locationOfKind(Connection c, String warehouse, String kind, String purpose) throws SQLException {
        return Sql.one(c, "SELECT code FROM location WHERE warehouse = ? AND kind = ? ORDER BY code LIMIT 1",
                rs -> rs.getString(1), warehouse, kind).orElseThrow(() -> invalid("warehouse " + warehouse
                + " has no location of kind " + kind + " " + purpose + "; name a location or create one"));
    }

    /**
     * Where goods awaiting inspection go: the warehouse's location of kind {@code quarantine}, else its
     * location coded {@code QUARANTINE}; a 400 problem when it has neither.
     */
    public static String quarantine(Connection c, String warehouse) throws SQLException {
        return Sql.one(c, "SELECT code FROM location WHERE warehouse = ? AND (kind = 'quarantine' OR code = 'QUARANTINE')"
                + " ORDER BY kind = 'quarantine' DESC, code LIMIT 1", rs -> rs.getString(1), warehouse)
                .orElseThrow(() -> invalid("warehouse " + warehouse + " has no quarantine location for goods awaiting"
                        + " inspection; create a location coded QUARANTINE or name a location"));
    }
}
