package io.stocksense.protocol.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * An environment sensor's report. Each value is null when the payload did not carry it.
 */
public record ClimateReading(String deviceId, Instant deviceTime, Double temperatureC, Double humidityPct, Integer batteryPct)
        implements Reading {

    public ClimateReading {
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
