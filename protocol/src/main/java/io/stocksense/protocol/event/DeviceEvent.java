package io.stocksense.protocol.event;

import io.stocksense.protocol.Topics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a device or the gateway reports that is neither stock nor a measurement: a status
 * change, a shelf anomaly (a weight change that is not a whole number of items), a local alarm
 * raised or cleared, unresolved tags.
 *
 * @param kind       for example {@code status}, {@code shelf-anomaly}, {@code alarm-raised}
 * @param severity   {@code info}, {@code warning} or {@code critical}
 * @param attributes free-form details, kept as evidence
 */
public record DeviceEvent(
        String eventId,
        String type,
        String deviceId,
        long deviceSeq,
        Instant deviceTime,
        Instant gatewayTime,
        ClockSync clockSync,
        String kind,
        String severity,
        String message,
        Map<String, String> attributes) implements GatewayEvent {

    public static final String TYPE = "device-event";

    public DeviceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(gatewayTime, "gatewayTime");
        Objects.requireNonNull(kind, "kind");
        if (type != null && !TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE + ", was " + type);
        }
        type = TYPE;
        clockSync = clockSync == null ? ClockSync.UNKNOWN : clockSync;
        severity = severity == null ? "info" : severity;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (deviceSeq < 1) {
            throw new IllegalArgumentException("deviceSeq must be >= 1, was " + deviceSeq);
        }
    }

    @Override
    public Topics.Channel channel() {
        return Topics.Channel.EVENTS;
    }
}
