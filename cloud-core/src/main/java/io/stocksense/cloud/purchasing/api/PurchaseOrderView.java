package io.stocksense.cloud.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A purchase order as the API shows it; amounts in {@code currency}, quantities in each line's unit. */
public record PurchaseOrderView(long id, String number, String supplier, String warehouse, String location,
                                String currency, String status, LocalDate orderDate, LocalDate expectedDate,
                                BigDecimal tolerancePct, BigDecimal netTotal, boolean approvalRequired,
                                String approvedBy, Instant approvedAt, String sentBy, Instant sentAt, String createdBy,
                                String note, List<Line> lines) {

    public record Line(int line, String sku, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal vatRate,
                       BigDecimal received, BigDecimal returned, BigDecimal invoiced, BigDecimal open) {
    }
}
