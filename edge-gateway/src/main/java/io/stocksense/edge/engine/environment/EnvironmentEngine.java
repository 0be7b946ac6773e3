package io.stocksense.edge.engine.environment;

import io.stocksense.config.Device;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.TelemetryPoint;
import io.stocksense.protocol.reading.ClimateReading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a climate sensor's values in its warehouse zone: one {@link TelemetryPoint} per value the
 * sensor reported ({@code temperature} in CEL, {@code humidity} and {@code battery} in P1 percent).
 * Pure and stateless, so safe to call from any thread.
 */
public final class EnvironmentEngine {

    private final Device device;

    public EnvironmentEngine(Device device) {
        this.device = device;
    }

    public List<PendingEvent> onClimate(ClimateReading reading, Instant receivedAt) {
        List<PendingEvent> out = new ArrayList<>(3);
        add(out, reading, receivedAt, "temperature", reading.temperatureC(), "CEL");
        add(out, reading, receivedAt, "humidity", reading.humidityPct(), "P1");
        add(out, reading, receivedAt, "battery", reading.batteryPct() == null ? null : reading.batteryPct().doubleValue(), "P1");
        return out;
    }

    private void add(List<PendingEvent> out, ClimateReading r, Instant receivedAt, String metric, Double value, String unit) {
        if (value == null || !Double.isFinite(value)) {
            return;
        }
        out.add(new PendingEvent(device.id(), (eventId, seq) -> new TelemetryPoint(eventId, null, device.id(), seq,
                r.deviceTime(), receivedAt, ClockSync.UNKNOWN, device.warehouse(), device.zone(), metric, value, unit)));
    }
}
