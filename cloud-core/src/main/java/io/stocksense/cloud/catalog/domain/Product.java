package io.stocksense.cloud.catalog.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as master data. Only {@code sku}, {@code name} and {@code unit} are required; the rest is
 * optional. {@code gtin} is stored as GTIN-14; {@code barcodes} are further codes (inner packs, labels).
 * {@code vatRate} is the VAT rate of its sales (0.07 for 7%); absent, sales use the standard rate.
 * An inactive product stays in the ledger and in reports but should not be sold or ordered.
 */
public record Product(String sku, String name, String spec, String model, String unit, String gtin,
                      Integer companyPrefixLength, List<String> barcodes, BigDecimal unitWeightGrams, String category,
                      Money purchasePrice, Money salePrice, BigDecimal minStock, BigDecimal maxStock,
                      boolean trackLot, boolean trackExpiry, boolean trackSerial, boolean active, BigDecimal vatRate) {

    /** The input field names, also the JSON property names. */
    public static final List<String> FIELDS = List.of("sku", "name", "spec", "model", "unit", "gtin",
            "companyPrefixLength", "barcodes", "unitWeightGrams", "category", "purchasePrice", "salePrice",
            "minStock", "maxStock", "trackLot", "trackExpiry", "trackSerial", "active", "vatRate");

    public Product {
        barcodes = List.copyOf(barcodes);
    }

    /** Reads and validates a product; every invalid field is reported. */
    public static Validated<Product> read(FieldSource in) {
        FieldReader r = new FieldReader(in);
        String sku = r.code("sku");
        String name = r.required("name");
        String unit = unit(r, in);
        String gtin = r.gtin("gtin");
        Integer prefix = r.integer("companyPrefixLength", 6, 12);
        if (prefix != null && in.text("gtin") == null) {
            r.fail("companyPrefixLength", "needs a gtin: it is the length of the company prefix inside the GTIN");
        }
        BigDecimal minStock = r.nonNegative("minStock");
        BigDecimal maxStock = r.nonNegative("maxStock");
        if (minStock != null && maxStock != null && minStock.compareTo(maxStock) > 0) {
            r.fail("minStock", "must not exceed maxStock (" + maxStock.toPlainString() + "), was " + minStock.toPlainString());
        }
        BigDecimal vatRate = r.nonNegative("vatRate");
        if (vatRate != null && vatRate.compareTo(BigDecimal.ONE) >= 0) {
            r.fail("vatRate", "is a fraction below 1 such as 0.07 for 7%, was " + vatRate.toPlainString());
        }
        Product p = new Product(sku, name, r.optional("spec"), r.optional("model"), unit, gtin, prefix,
                r.barcodes("barcodes"), r.nonNegative("unitWeightGrams"), r.optional("category"),
                r.money("purchasePrice"), r.money("salePrice"), minStock, maxStock,
                r.flag("trackLot", false), r.flag("trackExpiry", false), r.flag("trackSerial", false),
                r.flag("active", true), vatRate);
        return new Validated<>(r.errors().isEmpty() ? p : null, r.errors());
    }

    /** A unit of measure code such as EA, CS, KG: 1-16 characters without spaces. */
    private static String unit(FieldReader r, FieldSource in) {
        String unit = r.required("unit");
        if (unit != null && (unit.length() > 16 || unit.chars().anyMatch(Character::isWhitespace))) {
            r.fail("unit", "must be a unit code of 1-16 characters without spaces such as EA, CS or KG, was '" + unit + "'");
            return null;
        }
        return unit;
    }
}
