package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.domain.Customer;
import io.stocksense.cloud.catalog.domain.Decimals;
import io.stocksense.cloud.catalog.domain.Product;
import io.stocksense.cloud.catalog.domain.Supplier;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

/** The table definitions of products, customers and suppliers (columns, search, delete guard). */
public final class MasterDataTables {

    private MasterDataTables() {
    }

    public static KeyedTable<Product> products(DataSource ds) {
        return new KeyedTable<>(ds, new KeyedTable.Definition<>("product", "product", "/api/v1/products",
                List.of("sku", "name", "spec", "model", "unit", "gtin", "company_prefix_length", "barcodes", "unit_weight_grams",
                        "category", "purchase_price", "purchase_currency", "sale_price", "sale_currency", "min_stock",
                        "max_stock", "track_lot", "track_expiry", "track_serial", "active", "vat_rate"),
                List.of("sku", "name", "gtin", "spec", "model", "category", "array_to_string(barcodes, ' ')"),
                (c, ps, p) -> {
                    ps.setString(1, p.sku());
                    ps.setString(2, p.name());
                    ps.setString(3, p.spec());
                    ps.setString(4, p.model());
                    ps.setString(5, p.unit());
                    ps.setString(6, p.gtin());
                    ps.setObject(7, p.companyPrefixLength(), Types.INTEGER);
                    ps.setArray(8, c.createArrayOf("text", p.barcodes().toArray()));
                    ps.setBigDecimal(9, p.unitWeightGrams());
                    ps.setString(10, p.category());
                    Jdbc.setMoney(ps, 11, p.purchasePrice());
                    Jdbc.setMoney(ps, 13, p.salePrice());
                    ps.setBigDecimal(15, p.minStock());
                    ps.setBigDecimal(16, p.maxStock());
                    ps.setBoolean(17, p.trackLot());
                    ps.setBoolean(18, p.trackExpiry());
                    ps.setBoolean(19, p.trackSerial());
                    ps.setBoolean(20, p.active());
                    ps.setBigDecimal(21, p.vatRate());
                },
                MasterDataTables::product, Product::sku,
                "SELECT EXISTS (SELECT 1 FROM stock_ledger WHERE sku = ?) OR EXISTS (SELECT 1 FROM stock_level WHERE sku = ?)"
                        + " OR EXISTS (SELECT 1 FROM epc_item WHERE sku = ?)"));
    }

    public static KeyedTable<Customer> customers(DataSource ds) {
        return new KeyedTable<>(ds, new KeyedTable.Definition<>("customer", "customer", "/api/v1/customers",
                List.of("code", "name", "contact", "phone", "email", "address", "credit_limit", "credit_currency", "rating", "active"),
                List.of("code", "name", "contact", "phone", "email", "address"),
                (c, ps, v) -> {
                    ps.setString(1, v.code());
                    ps.setString(2, v.name());
                    ps.setString(3, v.contact());
                    ps.setString(4, v.phone());
                    ps.setString(5, v.email());
                    ps.setString(6, v.address());
                    Jdbc.setMoney(ps, 7, v.creditLimit());
                    ps.setObject(9, v.rating(), Types.INTEGER);
                    ps.setBoolean(10, v.active());
                },
                rs -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Jdbc.money(rs, 7), (Integer) rs.getObject(9), rs.getBoolean(10)),
                Customer::code, null));
    }

    public static KeyedTable<Supplier> suppliers(DataSource ds) {
        return new KeyedTable<>(ds, new KeyedTable.Definition<>("supplier", "supplier", "/api/v1/suppliers",
                List.of("code", "name", "contact", "phone", "email", "address", "lead_time_days", "rating", "active"),
                List.of("code", "name", "contact", "phone", "email", "address"),
                (c, ps, v) -> {
                    ps.setString(1, v.code());
                    ps.setString(2, v.name());
                    ps.setString(3, v.contact());
                    ps.setString(4, v.phone());
                    ps.setString(5, v.email());
                    ps.setString(6, v.address());
                    ps.setObject(7, v.leadTimeDays(), Types.INTEGER);
                    ps.setObject(8, v.rating(), Types.INTEGER);
                    ps.setBoolean(9, v.active());
                },
                rs -> new Supplier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getBoolean(9)),
                Supplier::code, null));
    }

    private static Product product(ResultSet rs) throws SQLException {
        Array barcodes = rs.getArray(8);
        List<String> codes = barcodes == null ? List.of() : Arrays.asList((String[]) barcodes.getArray());
        return new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), (Integer) rs.getObject(7), codes, Decimals.quantity(rs.getBigDecimal(9)), rs.getString(10),
                Jdbc.money(rs, 11), Jdbc.money(rs, 13), Decimals.quantity(rs.getBigDecimal(15)),
                Decimals.quantity(rs.getBigDecimal(16)), rs.getBoolean(17), rs.getBoolean(18), rs.getBoolean(19),
                rs.getBoolean(20), Decimals.quantity(rs.getBigDecimal(21)));
    }
}
