package io.stocksense.cloud.catalog.domain;

import java.util.List;

import static io.stocksense.cloud.catalog.domain.CsvMapping.column;

/** The CSV layouts of products, customers and suppliers (export and import use the same columns). */
public final class CsvMappings {

    public static final CsvMapping<Product> PRODUCTS = new CsvMapping<>(List.of(
            column("sku", "sku", Product::sku),
            column("name", "name", Product::name),
            column("spec", "spec", Product::spec),
            column("model", "model", Product::model),
            column("unit", "unit", Product::unit),
            column("gtin", "gtin", Product::gtin),
            column("company_prefix_length", "companyPrefixLength", Product::companyPrefixLength),
            column("barcodes", "barcodes", Product::barcodes),
            column("unit_weight_grams", "unitWeightGrams", Product::unitWeightGrams),
            column("category", "category", Product::category),
            column("purchase_price", "purchasePrice.amount", p -> amount(p.purchasePrice())),
            column("purchase_currency", "purchasePrice.currency", p -> currency(p.purchasePrice())),
            column("sale_price", "salePrice.amount", p -> amount(p.salePrice())),
            column("sale_currency", "salePrice.currency", p -> currency(p.salePrice())),
            column("min_stock", "minStock", Product::minStock),
            column("max_stock", "maxStock", Product::maxStock),
            column("track_lot", "trackLot", Product::trackLot),
            column("track_expiry", "trackExpiry", Product::trackExpiry),
            column("track_serial", "trackSerial", Product::trackSerial),
            column("active", "active", Product::active),
            column("vat_rate", "vatRate", Product::vatRate)), "sku", Product::read, Product::sku);

    public static final CsvMapping<Customer> CUSTOMERS = new CsvMapping<>(List.of(
            column("code", "code", Customer::code),
            column("name", "name", Customer::name),
            column("contact", "contact", Customer::contact),
            column("phone", "phone", Customer::phone),
            column("email", "email", Customer::email),
            column("address", "address", Customer::address),
            column("credit_limit", "creditLimit.amount", c -> amount(c.creditLimit())),
            column("credit_currency", "creditLimit.currency", c -> currency(c.creditLimit())),
            column("rating", "rating", Customer::rating),
            column("active", "active", Customer::active)), "code", Customer::read, Customer::code);

    public static final CsvMapping<Supplier> SUPPLIERS = new CsvMapping<>(List.of(
            column("code", "code", Supplier::code),
            column("name", "name", Supplier::name),
            column("contact", "contact", Supplier::contact),
            column("phone", "phone", Supplier::phone),
            column("email", "email", Supplier::email),
            column("address", "address", Supplier::address),
            column("lead_time_days", "leadTimeDays", Supplier::leadTimeDays),
            column("rating", "rating", Supplier::rating),
            column("active", "active", Supplier::active)), "code", Supplier::read, Supplier::code);

    private CsvMappings() {
    }

    private static Object amount(Money m) {
        return m == null ? null : m.amount();
    }

    private static Object currency(Money m) {
        return m == null ? null : m.currency();
    }
}
