package io.stocksense.cloud.pos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A POS sale and its receipt: lines, totals, payments, change, and the receipt as printed text. */
public record PosSaleView(long id, String number, String warehouse, String location, LocalDate date, String currency,
                          List<Line> lines, BigDecimal discount, BigDecimal net, BigDecimal vat, BigDecimal gross,
                          List<Payment> payments, BigDecimal paid, BigDecimal change, String cashier, List<String> receipt) {

    public record Line(int line, String barcode, String sku, String name, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal discountPct, BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal cogs) {
    }

    public record Payment(String method, BigDecimal amount) {
    }
}
