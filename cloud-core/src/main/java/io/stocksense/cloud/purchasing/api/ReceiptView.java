package io.stocksense.cloud.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A goods receipt: which order lines it booked in, by hand or from a portal's device event. */
public record ReceiptView(long id, long purchaseOrder, String source, String eventId, String deviceId, String warehouse,
                          String location, LocalDate date, String receivedBy, List<Line> lines) {

    public record Line(int line, String sku, BigDecimal quantity, String unit, BigDecimal unitCost, List<String> epcs) {
    }
}
