package io.stocksense.protocol.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * A digital input changed: a door contact or a light-beam (beam-break) sensor.
 *
 * @param pin    where the input is wired, as configured (a BCM pin number on a Raspberry Pi)
 * @param active the logical state after the configured polarity: {@code true} means the door is open or
 *               the beam is broken, whatever electrical level that is on the pin
 */
public record DigitalInputReading(String deviceId, Instant deviceTime, String pin, boolean active) implements Reading {

    public DigitalInputReading {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(pin, "pin");
    }
}
