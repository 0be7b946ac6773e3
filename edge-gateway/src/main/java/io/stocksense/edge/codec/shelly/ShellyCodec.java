package io.stocksense.edge.codec.shelly;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.JsonValues;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Shelly temperature/humidity sensors, both generations.
 *
 * <p><b>Gen1</b> (H&amp;T): one plain number per topic, {@code shellies/<id>/sensor/temperature},
 * {@code .../humidity}, {@code .../battery}. The quantity is in the topic, so this codec needs it (see
 * {@link DeviceCodec#decode(Device, String, byte[], Instant)}); subscribe with
 * {@code shellies/<id>/sensor/+}. Gen1 sends the temperature in the unit set on the device: device
 * option {@code tempUnit: F} converts Fahrenheit (default C). A Gen1 payload carries no time.
 *
 * <p><b>Gen2+ / Plus</b> (Plus H&amp;T): JSON-RPC notifications on {@code <id>/events/rpc},
 * {@code {"src":"…","method":"NotifyStatus","params":{"ts":1680962879.62,"temperature:0":{"tC":4.8},
 * "humidity:0":{"rh":55.1},"devicepower:0":{"battery":{"percent":86}}}}}. {@code ts} is epoch
 * seconds with a fraction and becomes the device time. {@code NotifyFullStatus} has the same shape.
 * Other notifications (NotifyEvent) and statuses of other components are valid traffic with no climate
 * values: they decode to nothing, with no rejection.
 */
public final class ShellyCodec implements DeviceCodec {

    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000 - 1);

    public static final String NAME = "shelly";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        return decode(deviceId, null, "C", payload);
    }

    @Override
    public DecodeResult decode(Device device, String topic, byte[] payload, Instant receivedAt) {
        return decode(device.id(), topic, device.options().getOrDefault("tempUnit", "C"), payload);
    }

    private static DecodeResult decode(String deviceId, String topic, String unit, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            return gen2(deviceId, payload);
        }
        if (topic == null) {
            return DecodeResult.rejected("a Shelly Gen1 value needs its topic (shellies/<id>/sensor/<quantity>)", payload);
        }
        return gen1(deviceId, topic, unit, text, payload);
    }

    private static DecodeResult gen1(String deviceId, String topic, String unit, String text, byte[] payload) {
        String quantity = topic.substring(topic.lastIndexOf('/') + 1);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return DecodeResult.rejected("Shelly Gen1 " + quantity + " must be a plain number", payload);
        }
        switch (quantity) {
            case "temperature":
                if (!unit.equals("C") && !unit.equals("F")) {
                    return DecodeResult.rejected("device option tempUnit must be C or F, was '" + unit + "'", payload);
                }
                double c = unit.equals("F") ? value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                        .divide(BigDecimal.valueOf(9), 2, RoundingMode.HALF_UP).doubleValue() : value.doubleValue();
                return one(new ClimateReading(deviceId, null, c, null, null));
            case "humidity":
                return one(new ClimateReading(deviceId, null, null, value.doubleValue(), null));
            case "battery":
                return one(new ClimateReading(deviceId, null, null, null, value.setScale(0, RoundingMode.HALF_UP).intValue()));
            default:
                return DecodeResult.rejected("topic " + topic + " carries no temperature, humidity or battery", payload);
        }
    }

    private static DecodeResult gen2(String deviceId, byte[] payload) {
        JsonValues.Split split = JsonValues.split(payload);
        if (!split.rejections().isEmpty()) {
            return new DecodeResult(List.of(), split.rejections());
        }
        JsonNode rpc = split.values().size() == 1 ? split.values().get(0) : null;
        if (rpc == null || !rpc.isObject() || !rpc.path("method").isTextual() || !rpc.path("params").isObject()) {
            return DecodeResult.rejected("a Shelly Gen2 notification needs method and params", payload);
        }
        String method = rpc.get("method").asText();
        if (!method.equals("NotifyStatus") && !method.equals("NotifyFullStatus")) {
            return DecodeResult.nothingToRead("Shelly Gen2 method '" + Rejection.excerpt(method) + "' carries no sensor values");
        }
        JsonNode params = rpc.get("params");
        Instant time = null;
        if (params.has("ts")) {
            BigDecimal ts = JsonValues.decimal(params.get("ts"));
            // A number beyond any clock (overflowing a long of milliseconds) is as wrong as text.
            time = ts == null || ts.abs().compareTo(MAX_EPOCH_SECONDS) > 0 ? null
                    : Instant.ofEpochMilli(ts.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
            if (time == null) {
                return DecodeResult.rejected("params.ts must be epoch seconds, was " + Rejection.excerpt(params.get("ts").toString()), payload);
            }
        }
        try {
            Double t = component(params, "temperature:", "tC");
            Double h = component(params, "humidity:", "rh");
            Double battery = component(params, "devicepower:", "battery", "percent");
            if (t == null && h == null && battery == null) {
                return DecodeResult.nothingToRead("Shelly Gen2 " + method + " names no temperature, humidity or battery component");
            }
            return one(new ClimateReading(deviceId, time, t, h, battery == null ? null : (int) Math.round(battery)));
        } catch (IllegalArgumentException e) {
            return new DecodeResult(List.of(), List.of(Rejection.of(e.getMessage(), payload)));
        }
    }

    /** The first {@code prefixN} component's value at {@code path}; null when absent. */
    private static Double component(JsonNode params, String prefix, String... path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            JsonNode v = e.getValue();
            for (String p : path) {
                v = v.path(p);
            }
            if (v.isMissingNode() || v.isNull()) {
                return null;
            }
            BigDecimal d = JsonValues.decimal(v);
            if (d == null) {
                throw new IllegalArgumentException(e.getKey() + "." + String.join(".", path) + " must be a number, was " + v);
            }
            return d.doubleValue();
        }
        return null;
    }

    private static DecodeResult one(ClimateReading r) {
        return new DecodeResult(List.of(r), List.of());
    }
}
