package io.stocksense.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A product as the devices need to know it.
 *
 * @param gtin                GTIN-14 (digits, check digit valid), or null for untagged goods
 * @param companyPrefixLength digits of the GS1 company prefix inside the GTIN (6-12); needed to
 *                            encode SGTIN EPCs for the GTIN
 * @param unit                unit of measure code, e.g. {@code EA}, {@code CS}, {@code KG}
 * @param unitWeightGrams     weight of one unit on a shelf or scale, or null when not weighed
 */
public record Product(String sku, String name, String gtin, int companyPrefixLength, String unit, BigDecimal unitWeightGrams) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unit, "unit");
    }
}
