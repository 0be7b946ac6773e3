package io.stocksense.config;

import java.time.Duration;

/**
 * Allowed temperature band of a zone, in °C, and how long a reading may stay outside it before an
 * excursion alarm fires (so an open door does not raise an alarm storm).
 */
public record TemperatureLimits(double minC, double maxC, Duration alarmDelay) {

    public TemperatureLimits {
        if (!(minC < maxC)) {
            throw new IllegalArgumentException("temperature min must be below max");
        }
        if (alarmDelay == null || alarmDelay.isNegative()) {
            throw new IllegalArgumentException("alarmDelay must be zero or positive");
        }
    }
}
