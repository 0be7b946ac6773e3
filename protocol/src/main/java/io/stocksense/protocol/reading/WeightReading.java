package io.stocksense.protocol.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A weight from a smart shelf slot or a scale, in grams.
 *
 * @param stable whether the device itself flagged the weight as stable
 */
public record WeightReading(String deviceId, Instant deviceTime, BigDecimal grams, boolean stable) implements Reading {

    public WeightReading {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(grams, "grams");
    }
}
