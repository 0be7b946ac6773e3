package io.stocksense.edge.codec.shelfjson;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.JsonValues;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Smart-shelf load cell JSON: {@code {"grams": 1005.0, "stable": true, "ts": "2026-11-23T10:00:00Z"}}.
 * {@code grams} is required and must be a JSON number (kept exact as a decimal); {@code stable}
 * defaults to false, because an unflagged weight may be mid-pick; {@code ts} is optional ISO-8601.
 */
public final class ShelfJsonCodec implements DeviceCodec {

    public static final String NAME = "shelf-json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        JsonValues.Split split = JsonValues.split(payload);
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(split.rejections());
        for (JsonNode value : split.values()) {
            String problem = add(deviceId, value, readings);
            if (problem != null) {
                rejections.add(Rejection.of(problem, value.toString()));
            }
        }
        return new DecodeResult(readings, rejections);
    }

    private static String add(String deviceId, JsonNode value, List<Reading> out) {
        if (!value.isObject()) {
            return "shelf reading must be a JSON object";
        }
        JsonNode grams = value.get("grams");
        if (grams == null || !grams.isNumber()) {
            return "grams must be a number, was " + grams;
        }
        JsonNode stable = value.get("stable");
        if (stable != null && !stable.isNull() && !stable.isBoolean()) {
            return "stable must be true or false, was " + stable;
        }
        Instant ts;
        try {
            ts = value.hasNonNull("ts") ? Instant.parse(value.get("ts").asText()) : null;
        } catch (DateTimeParseException e) {
            return "ts must be an ISO-8601 instant, was " + value.get("ts");
        }
        BigDecimal exact = grams.decimalValue();
        out.add(new WeightReading(deviceId, ts, exact, stable != null && stable.asBoolean(false)));
        return null;
    }
}
