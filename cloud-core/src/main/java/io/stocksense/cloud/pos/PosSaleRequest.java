package io.stocksense.cloud.pos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A checkout: scanned barcodes (repeated scans add up), an optional discount on the whole sale, payments. */
public record PosSaleRequest(String warehouse, String location, String currency, LocalDate date, BigDecimal discountPct,
                             List<Scan> scans, List<PosSaleView.Payment> payments) {

    public record Scan(String barcode, BigDecimal quantity, BigDecimal discountPct) {
    }
}
