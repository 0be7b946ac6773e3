package io.stocksense.cloud.catalog.api;

import io.stocksense.cloud.catalog.domain.Product;

import java.math.BigDecimal;
import java.util.List;

/** A product in {@code /api/v1/products}; the property names are also the accepted input fields. */
public record ProductView(String sku, String name, String spec, String model, String unit, String gtin,
                          Integer companyPrefixLength, List<String> barcodes, BigDecimal unitWeightGrams, String category,
                          MoneyView purchasePrice, MoneyView salePrice, BigDecimal minStock, BigDecimal maxStock,
                          boolean trackLot, boolean trackExpiry, boolean trackSerial, boolean active, BigDecimal vatRate) {

    public static ProductView of(Product p) {
        return new ProductView(p.sku(), p.name(), p.spec(), p.model(), p.unit(), p.gtin(), p.companyPrefixLength(),
                p.barcodes(), p.unitWeightGrams(), p.category(), MoneyView.of(p.purchasePrice()), MoneyView.of(p.salePrice()),
                p.minStock(), p.maxStock(), p.trackLot(), p.trackExpiry(), p.trackSerial(), p.active(), p.vatRate());
    }
}
