package io.stocksense.edge.codec.tasmota;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.JsonValues;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tasmota telemetry on {@code tele/<topic>/SENSOR}:
 * {@code {"Time":"2026-01-01T00:00:00","AM2301":{"Temperature":4.6,"Humidity":58.2},"TempUnit":"C"}}.
 *
 * <p>Quirks handled here: the sensor's key is its driver name ({@code AM2301}, {@code SI7021},
 * {@code DS18B20}, {@code BME280}, ...), so every object member holding {@code Temperature} and/or
 * {@code Humidity} is a sensor (one reading each). {@code Time} is the device's <i>local</i> time with
 * no offset: it is read in the zone of the device option {@code timeZone} (an IANA id such as
 * {@code Europe/Berlin}), by default the gateway's system zone, so device and gateway should share a
 * zone or the option must say which. {@code TempUnit} {@code F} means Fahrenheit, converted to °C.
 */
public final class TasmotaSensorCodec implements DeviceCodec {

    public static final String NAME = "tasmota";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        return decode(deviceId, ZoneId.systemDefault(), payload);
    }

    @Override
    public DecodeResult decode(Device device, String topic, byte[] payload, Instant receivedAt) {
        String zone = device.options().get("timeZone");
        if (zone == null) {
            return decode(device.id(), ZoneId.systemDefault(), payload);
        }
        try {
            return decode(device.id(), ZoneId.of(zone), payload);
        } catch (DateTimeException e) {
            return DecodeResult.rejected("device option timeZone '" + zone + "' is not a time zone id (e.g. Europe/Berlin)", payload);
        }
    }

    private static DecodeResult decode(String deviceId, ZoneId zone, byte[] payload) {
        JsonValues.Split split = JsonValues.split(payload);
        if (!split.rejections().isEmpty()) {
            return new DecodeResult(List.of(), split.rejections());
        }
        if (split.values().size() != 1 || !split.values().get(0).isObject()) {
            return DecodeResult.rejected("Tasmota SENSOR telemetry must be one JSON object", payload);
        }
        JsonNode tele = split.values().get(0);
        String unit = tele.path("TempUnit").asText("C");
        if (!unit.equals("C") && !unit.equals("F")) {
            return DecodeResult.rejected("TempUnit must be C or F, was " + tele.get("TempUnit"), payload);
        }
        Instant time;
        try {
            time = tele.hasNonNull("Time") ? LocalDateTime.parse(tele.get("Time").asText()).atZone(zone).toInstant() : null;
        } catch (DateTimeParseException e) {
            return DecodeResult.rejected("Time must be a local date-time like 2026-01-01T00:00:00, was " + tele.get("Time"), payload);
        }
        List<ClimateReading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tele.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> sensor = it.next();
            JsonNode s = sensor.getValue();
            if (!s.isObject() || (!s.has("Temperature") && !s.has("Humidity"))) {
                continue; // other members: Time, TempUnit, energy counters, switches...
            }
            BigDecimal t = JsonValues.decimal(s.get("Temperature"));
            BigDecimal h = JsonValues.decimal(s.get("Humidity"));
            if ((s.hasNonNull("Temperature") && t == null) || (s.hasNonNull("Humidity") && h == null)) {
                rejections.add(Rejection.of(sensor.getKey() + ": Temperature and Humidity must be numbers", s.toString()));
                continue;
            }
            if (t == null && h == null) {
                rejections.add(Rejection.of(sensor.getKey() + ": Temperature and Humidity are null", s.toString()));
                continue;
            }
            Double celsius = t == null ? null : unit.equals("F") ? fahrenheitToCelsius(t) : t.doubleValue();
            readings.add(new ClimateReading(deviceId, time, celsius, h == null ? null : h.doubleValue(), null));
        }
        if (readings.isEmpty() && rejections.isEmpty()) {
            rejections.add(Rejection.of("no sensor object with Temperature or Humidity", payload));
        }
        return new DecodeResult(List.copyOf(readings), rejections);
    }

    /** Exact decimal arithmetic, rounded to 0.01 °C (more than any of these sensors resolves). */
    static double fahrenheitToCelsius(BigDecimal f) {
        return f.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(9), 2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
