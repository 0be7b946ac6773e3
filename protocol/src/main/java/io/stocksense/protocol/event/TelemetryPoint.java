package io.stocksense.protocol.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.stocksense.protocol.Topics;

import java.time.Instant;
import java.util.Objects;

/**
 * One measured value from an environment sensor, already placed in its warehouse zone.
 *
 * @param metric {@code temperature}, {@code humidity} or {@code battery}
 * @param unit   UNECE code: {@code CEL} for °C, {@code P1} for percent
 */
public record TelemetryPoint(
        String eventId,
        String type,
        String deviceId,
        long deviceSeq,
        Instant deviceTime,
        Instant gatewayTime,
        ClockSync clockSync,
        String warehouse,
        String zone,
        String metric,
        // A missing or null value must be refused, not read as 0.0 (a plausible but false temperature).
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double value,
        String unit) implements GatewayEvent {

    public static final String TYPE = "telemetry";

    public TelemetryPoint {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(gatewayTime, "gatewayTime");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        if (type != null && !TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE + ", was " + type);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
        type = TYPE;
        clockSync = clockSync == null ? ClockSync.UNKNOWN : clockSync;
        if (deviceSeq < 1) {
            throw new IllegalArgumentException("deviceSeq must be >= 1, was " + deviceSeq);
        }
    }

    @Override
    public Topics.Channel channel() {
        return Topics.Channel.TELEMETRY;
    }
}
