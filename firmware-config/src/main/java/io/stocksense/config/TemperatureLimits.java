package io.stocksense.config;

import java.time.Duration;

/**
 * Allowed temperature band of a zone, in °C, and how the gateway's local excursion alarm treats it.
 *
 * @param alarmDelay      how long the temperature must stay outside the band before the alarm is raised
 *                        (15-30 min in practice, so an open door does not raise an alarm storm)
 * @param clearDelay      how long it must then stay back inside the band, by {@code hysteresisC}, before
 *                        the alarm clears
 * @param hysteresisC     the margin inside the band that counts as "back" (a reading sitting on the limit
 *                        would otherwise raise and clear over and over)
 * @param confirmReadings how many consecutive readings of one sensor must agree before its state changes,
 *                        so a single spike (one bad reading, a door opened for a moment) is ignored
 */
public record TemperatureLimits(double minC, double maxC, Duration alarmDelay, Duration clearDelay, double hysteresisC,
                                int confirmReadings) {

    public static final Duration DEFAULT_CLEAR_DELAY = Duration.ofMinutes(5);
    public static final double DEFAULT_HYSTERESIS_C = 0.5;
    public static final int DEFAULT_CONFIRM_READINGS = 2;

    public TemperatureLimits {
        if (!(minC < maxC)) {
            throw new IllegalArgumentException("temperature min must be below max");
        }
        if (alarmDelay == null || alarmDelay.isNegative()) {
            throw new IllegalArgumentException("alarmDelay must be zero or positive");
        }
        if (clearDelay == null || clearDelay.isNegative()) {
            throw new IllegalArgumentException("clearDelay must be zero or positive");
        }
        if (!(hysteresisC >= 0) || 2 * hysteresisC >= maxC - minC) {
            throw new IllegalArgumentException("hysteresis must be at least 0 and below half the band");
        }
        if (confirmReadings < 1) {
            throw new IllegalArgumentException("confirmReadings must be at least 1");
        }
    }

    /** A band with the default clear delay, hysteresis and confirmation. */
    public TemperatureLimits(double minC, double maxC, Duration alarmDelay) {
        this(minC, maxC, alarmDelay, DEFAULT_CLEAR_DELAY, DEFAULT_HYSTERESIS_C, DEFAULT_CONFIRM_READINGS);
    }
}
