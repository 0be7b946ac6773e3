package io.stocksense.cloud.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A shipment (or a sales return, source {@code return}) of sales order lines; {@code cost} is the cost of goods. */
public record ShipmentView(long id, long salesOrder, String source, String eventId, String deviceId, String warehouse,
                           String location, LocalDate date, String by, List<Line> lines) {

    public record Line(int line, String sku, BigDecimal quantity, String unit, BigDecimal cost, List<String> epcs) {
    }
}
