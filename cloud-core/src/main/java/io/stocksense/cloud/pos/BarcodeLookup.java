package io.stocksense.cloud.pos;

import io.stocksense.cloud.documents.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds the product a scanned code names: a GTIN-8/12/13/14 read by the scanner matches the product's
 * GTIN once both are padded to 14 digits (an EAN-13 scan of {@code 4012345123456} is the GTIN-14
 * {@code 04012345123456}); any code also matches the product's extra {@code barcodes}. Active
 * products only.
 */
public final class BarcodeLookup {

    /** A product found by a scan; {@code vatRate} is its own rate or else the standard rate (shown before checkout). */
    public record Item(String sku, String name, String unit, String gtin, BigDecimal salePrice, String currency, BigDecimal vatRate) {
    }

    private BarcodeLookup() {
    }

    public static Optional<Item> find(Connection c, String code) throws SQLException {
        String scanned = code == null ? "" : code.trim();
        if (scanned.isEmpty()) {
            return Optional.empty();
        }
        String gtin14 = scanned.matches("\\d{8}|\\d{12,14}") ? "0".repeat(14 - scanned.length()) + scanned : null;
        return Sql.one(c, "SELECT sku, name, unit, gtin, sale_price, sale_currency,"
                + " COALESCE(vat_rate, (SELECT rate FROM tax_rate WHERE code = 'standard'), 0) FROM product WHERE active AND"
                + " ((?::text IS NOT NULL AND lpad(gtin, 14, '0') = ?) OR ? = ANY (barcodes)) ORDER BY sku LIMIT 1",
                rs -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getBigDecimal(7)), gtin14, gtin14, scanned);
    }
}
