package io.stocksense.edge.codec.zigbee2mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.JsonValues;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Zigbee2MQTT sensor state on {@code zigbee2mqtt/<name>}:
 * {@code {"temperature":4.75,"humidity":55.4,"battery":86,"voltage":2995,"linkquality":97}}.
 *
 * Quirks handled here: old firmware sends the numbers as strings ({@code "4.75"}); a state message
 * may carry only some of the values (each missing one is null); {@code last_seen}, when enabled in
 * Zigbee2MQTT, is either ISO-8601 or epoch milliseconds and becomes the device time. A message with
 * none of temperature, humidity or battery (or one of them not a number) is rejected.
 */
public final class Zigbee2MqttCodec implements DeviceCodec {

    public static final String NAME = "zigbee2mqtt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        JsonValues.Split split = JsonValues.split(payload);
        if (!split.rejections().isEmpty()) {
            return new DecodeResult(List.of(), split.rejections());
        }
        // JsonValues flattens a top-level array; Zigbee2MQTT never sends one, so an array is wrong input.
        boolean array = new String(payload, java.nio.charset.StandardCharsets.UTF_8).stripLeading().startsWith("[");
        if (array || split.values().size() != 1 || !split.values().get(0).isObject()) {
            return DecodeResult.rejected("zigbee2mqtt state must be one JSON object", payload);
        }
        JsonNode state = split.values().get(0);
        try {
            BigDecimal temperature = number(state, "temperature");
            BigDecimal humidity = number(state, "humidity");
            BigDecimal battery = number(state, "battery");
            if (temperature == null && humidity == null && battery == null) {
                return DecodeResult.rejected("no temperature, humidity or battery in the state", payload);
            }
            ClimateReading reading = new ClimateReading(deviceId, lastSeen(state.get("last_seen")),
                    temperature == null ? null : temperature.doubleValue(),
                    humidity == null ? null : humidity.doubleValue(),
                    battery == null ? null : battery.setScale(0, RoundingMode.HALF_UP).intValueExact());
            return new DecodeResult(List.of(reading), List.of());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return DecodeResult.rejected(e.getMessage(), payload);
        }
    }

    private static BigDecimal number(JsonNode state, String field) {
        JsonNode node = state.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = JsonValues.decimal(node);
        if (value == null) {
            throw new IllegalArgumentException(field + " must be a number or a numeric string, was " + node);
        }
        return value;
    }

    private static Instant lastSeen(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return java.time.OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("last_seen must be ISO-8601 or epoch milliseconds, was " + node);
        }
    }
}
