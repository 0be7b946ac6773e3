package io.stocksense.edge.codec.genericjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.JsonValues;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON from devices no codec knows, mapped by the device's {@code options} (one object per payload, or
 * an array of them):
 * <pre>
 *   json.temperature: $.data.temp    °C → ClimateReading
 *   json.humidity:    $.data.rh      %  → ClimateReading
 *   json.battery:     $.bat          %  → ClimateReading
 *   json.weight:      $.w            g  → WeightReading (stable unless json.stable points at false)
 *   json.stable:      $.st           boolean
 *   json.time:        $.ts           ISO-8601 with offset, or epoch seconds / milliseconds (≥ 10^11)
 *   json.scale:       0.1            multiplies every mapped number (raw counts in tenths, say)
 *   json.weight.scale: 1000          per-quantity factor, instead of json.scale (kg → g here)
 * </pre>
 * Paths are {@link DottedPath}s. A configured path that is missing from a payload, or holds no number,
 * rejects that payload with the path in the reason; a device with no {@code json.*} quantity rejects
 * everything, saying which options to set. Numbers as strings are accepted (old firmware).
 */
public final class GenericJsonCodec implements DeviceCodec {

    public static final String NAME = "generic-json";
    private static final List<String> CLIMATE = List.of("temperature", "humidity", "battery");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        return DecodeResult.rejected("generic-json needs the device's json.* options; it was called without the device", payload);
    }

    @Override
    public DecodeResult decode(Device device, String topic, byte[] payload, Instant receivedAt) {
        Map<String, String> o = device.options();
        if (CLIMATE.stream().noneMatch(q -> o.containsKey("json." + q)) && !o.containsKey("json.weight")) {
            return DecodeResult.rejected("device " + device.id() + " maps nothing: set options json.temperature, "
                    + "json.humidity, json.battery or json.weight to a path such as $.data.temp", payload);
        }
        JsonValues.Split split = JsonValues.split(payload);
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(split.rejections());
        for (JsonNode value : split.values()) {
            try {
                readings.add(map(device.id(), o, value));
            } catch (IllegalArgumentException | ArithmeticException e) {
                rejections.add(Rejection.of(e.getMessage(), value.toString()));
            }
        }
        return new DecodeResult(readings, rejections);
    }

    private static Reading map(String deviceId, Map<String, String> o, JsonNode root) {
        Instant time = o.containsKey("json.time") ? time(o.get("json.time"), root) : null;
        if (o.containsKey("json.weight")) {
            BigDecimal grams = number(o, "weight", root);
            boolean stable = true;
            if (o.containsKey("json.stable")) {
                JsonNode s = at(o.get("json.stable"), root);
                if (!s.isBoolean()) {
                    throw new IllegalArgumentException("json.stable path " + o.get("json.stable") + " must hold true or false, was " + s);
                }
                stable = s.asBoolean();
            }
            return new WeightReading(deviceId, time, grams, stable);
        }
        BigDecimal t = o.containsKey("json.temperature") ? number(o, "temperature", root) : null;
        BigDecimal h = o.containsKey("json.humidity") ? number(o, "humidity", root) : null;
        BigDecimal b = o.containsKey("json.battery") ? number(o, "battery", root) : null;
        return new ClimateReading(deviceId, time, t == null ? null : t.doubleValue(), h == null ? null : h.doubleValue(),
                b == null ? null : b.setScale(0, RoundingMode.HALF_UP).intValueExact());
    }

    private static BigDecimal number(Map<String, String> o, String quantity, JsonNode root) {
        String path = o.get("json." + quantity);
        JsonNode node = at(path, root);
        BigDecimal value = JsonValues.decimal(node);
        if (value == null) {
            throw new IllegalArgumentException("json." + quantity + " path " + path + " holds no number: " + node);
        }
        String scale = o.getOrDefault("json." + quantity + ".scale", o.get("json.scale"));
        if (scale == null) {
            return value;
        }
        try {
            return value.multiply(new BigDecimal(scale.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("json scale '" + scale + "' is not a number");
        }
    }

    private static JsonNode at(String pathText, JsonNode root) {
        DottedPath path = DottedPath.parse(pathText);
        JsonNode node = path.find(root);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("path " + path + " is missing from the payload");
        }
        return node;
    }

    private static Instant time(String path, JsonNode root) {
        JsonNode node = at(path, root);
        if (node.isNumber()) {
            BigDecimal n = node.decimalValue();
            // Below 10^11 it is seconds (until the year 5138); above, milliseconds.
            BigDecimal millis = n.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0 ? n.movePointRight(3) : n;
            return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("json.time path " + path + " must hold ISO-8601 with an offset or epoch "
                    + "seconds/milliseconds, was " + node);
        }
    }
}
