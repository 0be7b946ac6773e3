package io.stocksense.edge.engine.shelf;

import io.stocksense.config.Device;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plain scale (family {@code scale}: a bench or floor scale with no SKU of its own). It cannot count
 * items, so it makes its weighings visible: each new stable weight becomes one {@code scale-weight}
 * device event with the grams as an attribute. A repeated stable weight (a polled or streaming scale
 * says the same thing several times a second) and unstable weights produce nothing. The last weight
 * is not persisted: after a restart the first stable weight is reported again. Pure; not thread-safe.
 */
public final class ScaleWeightEngine {

    private final Device device;
    private BigDecimal lastReported;

    public ScaleWeightEngine(Device device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    public EngineOutput onWeight(WeightReading reading, Instant receivedAt) {
        if (!reading.stable() || (lastReported != null && lastReported.compareTo(reading.grams()) == 0)) {
            return EngineOutput.EMPTY;
        }
        lastReported = reading.grams();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("grams", reading.grams().toPlainString());
        attributes.put("warehouse", String.valueOf(device.warehouse()));
        attributes.put("location", String.valueOf(device.location()));
        String id = device.id();
        String message = "stable weight " + reading.grams().toPlainString() + " g";
        return EngineOutput.of(List.of(new PendingEvent(id, (eventId, seq) -> new DeviceEvent(eventId, null, id, seq,
                reading.deviceTime(), receivedAt, ClockSync.UNKNOWN, "scale-weight", "info", message, attributes))));
    }
}
