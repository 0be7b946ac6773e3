package io.stocksense.sim.device;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.TemperatureLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Random;

/**
 * A temperature/humidity sensor publishing on the device's address in the device's codec:
 * {@code zigbee2mqtt} state messages, Tasmota {@code tele/.../SENSOR} messages ({@code tasmota}, driver
 * from the device option {@code driver}, default AM2301), or Shelly ({@code shelly}: Gen1 plain numbers
 * on {@code .../sensor/temperature} and {@code .../humidity} when the address ends in {@code /+},
 * otherwise Gen2 {@code NotifyStatus} on the address).
 *
 * <p>The temperature is the setpoint plus an excursion (an open cold-room door: {@link #excursion}),
 * plus a warming that grows with every report once the compressor has failed
 * ({@link #compressorFailure}), plus seeded gaussian noise clipped to ±0.3 °C; the battery drains slowly.
 *
 * <p>Not thread-safe: one simulation thread drives it.
 */
public final class ClimateSensorSimulator {

    private static final double NOISE_LIMIT_C = 0.3;
    private static final int REPORTS_PER_BATTERY_PERCENT = 500;

    private final Device device;
    private final double setpointC;
    private final double humidityBase;
    private final ClimateFormat format;
    private final MessageSink sink;
    private final SimClock clock;
    private final Random random;
    private double excursionC;
    private double warmingPerReportC;
    private double warmedC;
    private int battery;
    private double lastTemperatureC;
    private long messagesSent;
    private long reports;

    /**
     * @throws IllegalArgumentException when the device is no climate sensor or its codec is not one of
     *                                  zigbee2mqtt, tasmota, shelly
     */
    public ClimateSensorSimulator(Device device, double setpointC, MessageSink sink, SimClock clock, Random random) {
        if (device.family() != DeviceFamily.CLIMATE_SENSOR) {
            throw new IllegalArgumentException("device " + device.id() + " is a " + device.family().yamlName() + ", not a climate-sensor");
        }
        this.format = ClimateFormat.forDevice(device);
        this.device = device;
        this.setpointC = setpointC;
        this.humidityBase = setpointC < 10 ? 60 : 45;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
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

    /**
     * The compressor stops: from the next report on the air warms by {@code degreesPerReport} more with
     * every report, until {@link #compressorRepaired()}. 0 stops the warming where it is.
     */
    public void compressorFailure(double degreesPerReport) {
        this.warmingPerReportC = degreesPerReport;
    }

    /** The compressor runs again: the warming is gone at once (the air is pulled back to the setpoint). */
    public void compressorRepaired() {
        this.warmingPerReportC = 0;
        this.warmedC = 0;
    }

    /** Publishes one reading (one message; two for a Shelly Gen1, temperature and humidity). */
    public void report() {
        warmedC += warmingPerReportC;
        double noise = Math.max(-NOISE_LIMIT_C, Math.min(NOISE_LIMIT_C, random.nextGaussian() * 0.1));
        lastTemperatureC = setpointC + excursionC + warmedC + noise;
        double humidity = humidityBase + random.nextGaussian() * 1.5;
        if (reports > 0 && reports % REPORTS_PER_BATTERY_PERCENT == 0 && battery > 1) {
            battery--;
        }
        reports++;
        BigDecimal t = BigDecimal.valueOf(lastTemperatureC).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal h = BigDecimal.valueOf(humidity).setScale(1, RoundingMode.HALF_EVEN);
        switch (format) {
            case TASMOTA:
                send(device.address(), Payloads.tasmotaSensor(java.time.LocalDateTime.ofInstant(clock.now(), java.time.ZoneId.systemDefault()),
                        device.options().getOrDefault("driver", "AM2301"), t.setScale(1, RoundingMode.HALF_EVEN), h));
                break;
            case SHELLY_GEN1:
                String base = device.address().substring(0, device.address().length() - 1);
                send(base + "temperature", Payloads.shellyGen1Value(t.setScale(1, RoundingMode.HALF_EVEN)));
                send(base + "humidity", Payloads.shellyGen1Value(h));
                break;
            case SHELLY_GEN2:
                String src = device.address().contains("/") ? device.address().substring(0, device.address().indexOf('/')) : device.id();
                send(device.address(), Payloads.shellyNotifyStatus(src, clock.now(), t.setScale(1, RoundingMode.HALF_EVEN), h));
                break;
            default:
                int voltage = 2500 + battery * 5;
                int linkQuality = 60 + random.nextInt(60);
                send(device.address(), Payloads.zigbee2mqttClimate(t, h, battery, voltage, linkQuality));
        }
    }

    private void send(String topic, byte[] payload) {
        sink.publish(topic, payload);
        messagesSent++;
    }

    /** The payload formats a climate sensor can speak; chosen by the device's codec and address. */
    private enum ClimateFormat {
        ZIGBEE2MQTT, TASMOTA, SHELLY_GEN1, SHELLY_GEN2;

        static ClimateFormat forDevice(Device device) {
            String codec = device.codec() == null ? "zigbee2mqtt" : device.codec();
            switch (codec) {
                case "zigbee2mqtt":
                    return ZIGBEE2MQTT;
                case "tasmota":
                    return TASMOTA;
                case "shelly":
                    return device.address() != null && device.address().endsWith("/+") ? SHELLY_GEN1 : SHELLY_GEN2;
                default:
                    throw new IllegalArgumentException("device " + device.id() + ": climate codec '" + codec
                            + "' is not simulated (use zigbee2mqtt, tasmota or shelly)");
            }
        }
    }

    /** The temperature of the last reading (°C, before rounding to 0.01). */
    public double lastTemperatureC() {
        return lastTemperatureC;
    }

    public long messagesSent() {
        return messagesSent;
    }
}
