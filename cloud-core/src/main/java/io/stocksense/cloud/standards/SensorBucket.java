package io.stocksense.cloud.standards;

import java.time.Instant;

/**
 * The readings of one metric of one device within one hour: minimum, maximum, mean and count, in the unit
 * the gateway reported (a UN/CEFACT code such as {@code CEL} or {@code P1}).
 */
public record SensorBucket(String deviceId, String warehouse, String zone, String metric, String unit,
                           Instant start, Instant end, Instant lastReading, double min, double max, double mean,
                           long count) {
}
