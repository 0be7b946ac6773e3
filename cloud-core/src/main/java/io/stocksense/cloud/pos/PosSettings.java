package io.stocksense.cloud.pos;

import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.StockRequestChecks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the till reads the products' sale prices ({@code business_setting} {@code pos-prices}):
 * {@code net} (the default: VAT is added, {@code VAT = round(net × rate, 2)}) or {@code gross} (the
 * price includes VAT: {@code VAT = round(gross × rate / (1 + rate), 2)}, net = gross − VAT). Blocking.
 */
public final class PosSettings {

    public static final String NET = "net";
    public static final String GROSS = "gross";

    /** {@code GET|PUT /api/v1/pos/settings}. */
    public record View(String prices) {
    }

    private final DataSource dataSource;

    public PosSettings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public View get() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new View(prices(c));
        }
    }

    public View setPrices(String prices) throws SQLException {
        if (!NET.equals(prices) && !GROSS.equals(prices)) {
            throw StockRequestChecks.invalid("prices must be net (VAT added at the till) or gross (VAT included), was '" + prices + "'");
        }
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "INSERT INTO business_setting (key, value) VALUES ('pos-prices', ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", prices);
            return new View(prices(c));
        }
    }

    /** The price basis on the caller's connection. */
    static String prices(Connection c) throws SQLException {
        return Sql.one(c, "SELECT value FROM business_setting WHERE key = 'pos-prices'", rs -> rs.getString(1)).orElse(NET);
    }
}
