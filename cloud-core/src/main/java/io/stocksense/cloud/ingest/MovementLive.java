package io.stocksense.cloud.ingest;

import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A committed movement as the live feed shows it; line quantities are signed. */
public record MovementLive(String eventId, String movementType, String deviceId, String warehouse, String location,
                           Instant deviceTime, Instant gatewayTime, List<Line> lines) {

    public record Line(String sku, BigDecimal quantity, String unit, String lot) {
    }

    static MovementLive of(StockMovement m) {
        List<Line> lines = m.lines().stream().map(l -> line(m, l)).toList();
        return new MovementLive(m.eventId(), m.movementType().name(), m.deviceId(), m.warehouse(), m.location(),
                m.deviceTime(), m.gatewayTime(), lines);
    }

    private static Line line(StockMovement m, MovementLine l) {
        return new Line(l.sku(), m.signedQuantity(l).stripTrailingZeros(), l.unit(), l.lot());
    }
}
