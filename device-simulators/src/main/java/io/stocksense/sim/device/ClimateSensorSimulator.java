package io.stocksense.sim.device;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.TemperatureLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Random;

/**
 * A Zigbee temperature/humidity sensor behind Zigbee2MQTT, publishing {@code zigbee2mqtt} state
 * messages on the device's address. The temperature is the setpoint plus an optional excursion (an
 * open cold-room door) plus seeded gaussian noise clipped to ±0.3 °C; the battery drains slowly.
 *
 * <p>Not thread-safe: one simulation thread drives it.
 */
public final class ClimateSensorSimulator {

    private static final double NOISE_LIMIT_C = 0.3;
    private static final int REPORTS_PER_BATTERY_PERCENT = 500;

    private final Device device;
    private final double setpointC;
    private final double humidityBase;
    private final MessageSink sink;
    private final Random random;
    private double excursionC;
    private int battery;
    private double lastTemperatureC;
    private long messagesSent;

    /** @throws IllegalArgumentException when the device is no climate sensor or its codec is not zigbee2mqtt */
    public ClimateSensorSimulator(Device device, double setpointC, MessageSink sink, Random random) {
        if (device.family() != DeviceFamily.CLIMATE_SENSOR) {
            throw new IllegalArgumentException("device " + device.id() + " is a " + device.family().yamlName() + ", not a climate-sensor");
        }
        if (device.codec() != null && !"zigbee2mqtt".equals(device.codec())) {
            throw new IllegalArgumentException("device " + device.id() + ": climate codec '" + device.codec()
                    + "' is not simulated (use zigbee2mqtt)");
        }
        this.device = device;
        this.setpointC = setpointC;
        this.humidityBase = setpointC < 10 ? 60 : 45;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.random = Objects.requireNonNull(random, "random");
        this.battery = 80 + random.nextInt(21);
    }

    /**
     * Where a zone's air usually sits: the middle of a narrow (refrigerated) band, 21 °C inside a wide
     * (room) band, just below the top of a frozen one, and 21 °C with no limits at all.
     */
    public static double defaultSetpoint(TemperatureLimits limits) {
        if (limits == null) {
            return 21.0;
        }
        if (limits.maxC() <= -10) {
            return limits.maxC() - 4;
        }
        if (limits.maxC() - limits.minC() <= 10) {
            return (limits.minC() + limits.maxC()) / 2;
        }
        return Math.max(limits.minC() + 1, Math.min(limits.maxC() - 1, 21.0));
    }

    public Device device() {
        return device;
    }

    public double setpointC() {
        return setpointC;
    }

    /** Degrees above (or below) the setpoint the air is now, e.g. while a door is open. */
    public void excursion(double degreesC) {
        this.excursionC = degreesC;
    }

    /** Publishes one reading. */
    public void report() {
        double noise = Math.max(-NOISE_LIMIT_C, Math.min(NOISE_LIMIT_C, random.nextGaussian() * 0.1));
        lastTemperatureC = setpointC + excursionC + noise;
        double humidity = humidityBase + random.nextGaussian() * 1.5;
        if (messagesSent > 0 && messagesSent % REPORTS_PER_BATTERY_PERCENT == 0 && battery > 1) {
            battery--;
        }
        int voltage = 2500 + battery * 5;
        int linkQuality = 60 + random.nextInt(60);
        sink.publish(device.address(), Payloads.zigbee2mqttClimate(
                BigDecimal.valueOf(lastTemperatureC).setScale(2, RoundingMode.HALF_EVEN),
                BigDecimal.valueOf(humidity).setScale(1, RoundingMode.HALF_EVEN), battery, voltage, linkQuality));
        messagesSent++;
    }

    /** The temperature of the last reading (°C, before rounding to 0.01). */
    public double lastTemperatureC() {
        return lastTemperatureC;
    }

    public long messagesSent() {
        return messagesSent;
    }
}
