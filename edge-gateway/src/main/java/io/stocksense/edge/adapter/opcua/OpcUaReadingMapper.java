package io.stocksense.edge.adapter.opcua;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the data changes of one OPC UA device into canonical readings. There is no byte payload over
 * OPC UA: the variables already are typed values, so this is the mapping step on its own.
 *
 * <p><b>Scale</b> (OPC 40200 {@code CurrentWeight}): the weight is {@code Net} when configured, else
 * {@code Gross − Tare} when a tare node is configured, else {@code Gross}; grams. {@code WeightStable}
 * is the stability flag (a scale without that node counts every weight as stable). A
 * {@link WeightReading} is emitted only when every needed value is known and the weight or the
 * stability differs from the last one emitted, so the initial values re-sent after a reconnect do not
 * repeat a reading, and a Gross and a Stable change in one publish give one reading.
 *
 * <p><b>Sensor</b> (AnalogItemType, °C and %RH): a {@link ClimateReading} carries the values that
 * changed since the last reading (the others are null).
 *
 * <p>A sample with a non-Good status code, or a value of the wrong type, is a {@link Rejection} whose
 * reason names the option, the node and the status code; that value counts as unknown until a good
 * one arrives. Pure and deterministic; not thread-safe (one delivery thread per device).
 */
public final class OpcUaReadingMapper {

    private final String deviceId;
    private final OpcUaDeviceSettings settings;
    private final Map<OpcUaDeviceSettings.Role, Object> current = new EnumMap<>(OpcUaDeviceSettings.Role.class);
    private BigDecimal lastGrams;
    private Boolean lastStable;
    private final Map<OpcUaDeviceSettings.Role, Double> lastClimate = new EnumMap<>(OpcUaDeviceSettings.Role.class);

    public OpcUaReadingMapper(String deviceId, OpcUaDeviceSettings settings) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Takes the samples of one publish (in order) and returns what they amount to. */
    public DecodeResult accept(List<NodeSample> samples) {
        List<Rejection> rejections = new ArrayList<>();
        Instant deviceTime = null;
        for (NodeSample s : samples) {
            Object value = check(s, rejections);
            if (value == null) {
                current.remove(s.role());
            } else {
                current.put(s.role(), value);
                deviceTime = later(deviceTime, s.sourceTime());
            }
        }
        List<Reading> readings = new ArrayList<>(1);
        Reading r = settings.kind() == OpcUaDeviceSettings.Kind.SCALE ? weight(deviceTime) : climate(deviceTime, samples);
        if (r != null) {
            readings.add(r);
        }
        return new DecodeResult(readings, rejections);
    }

    /**
     * Forgets what was last emitted, so the next sample emits again: for a reading that could not be
     * stored (OPC UA has no redelivery; the value stays current on the server).
     */
    public void forget() {
        lastGrams = null;
        lastStable = null;
        lastClimate.clear();
    }

    /** The sample's value in the type its role needs, or null (with a rejection) when unusable. */
    private static Object check(NodeSample s, List<Rejection> rejections) {
        String where = s.role().option() + " " + s.nodeId();
        if (!s.good()) {
            rejections.add(Rejection.of(where + ": status " + s.status(), s.describe()));
            return null;
        }
        if (s.role() == OpcUaDeviceSettings.Role.STABLE) {
            if (s.value() instanceof Boolean b) {
                return b;
            }
            rejections.add(Rejection.of(where + ": expected a Boolean, got " + typeOf(s.value()), s.describe()));
            return null;
        }
        if (s.value() instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
        }
        rejections.add(Rejection.of(where + ": expected a finite number, got " + typeOf(s.value()) + " " + s.value(), s.describe()));
        return null;
    }

    private WeightReading weight(Instant deviceTime) {
        BigDecimal grams = grams();
        Object stableValue = settings.nodes().containsKey(OpcUaDeviceSettings.Role.STABLE)
                ? current.get(OpcUaDeviceSettings.Role.STABLE) : Boolean.TRUE;
        if (grams == null || stableValue == null) {
            return null;
        }
        boolean stable = (Boolean) stableValue;
        if (lastGrams != null && lastGrams.compareTo(grams) == 0 && lastStable == stable) {
            return null;
        }
        lastGrams = grams;
        lastStable = stable;
        return new WeightReading(deviceId, deviceTime, grams, stable);
    }

    private BigDecimal grams() {
        Map<OpcUaDeviceSettings.Role, String> nodes = settings.nodes();
        if (nodes.containsKey(OpcUaDeviceSettings.Role.NET)) {
            return (BigDecimal) current.get(OpcUaDeviceSettings.Role.NET);
        }
        BigDecimal gross = (BigDecimal) current.get(OpcUaDeviceSettings.Role.GROSS);
        if (!nodes.containsKey(OpcUaDeviceSettings.Role.TARE) || gross == null) {
            return gross;
        }
        BigDecimal tare = (BigDecimal) current.get(OpcUaDeviceSettings.Role.TARE);
        return tare == null ? null : gross.subtract(tare);
    }

    private ClimateReading climate(Instant deviceTime, List<NodeSample> samples) {
        Double temperature = changed(OpcUaDeviceSettings.Role.TEMPERATURE, samples);
        Double humidity = changed(OpcUaDeviceSettings.Role.HUMIDITY, samples);
        if (temperature == null && humidity == null) {
            return null;
        }
        return new ClimateReading(deviceId, deviceTime, temperature, humidity, null);
    }

    /** The role's value when this publish brought a good one that differs from the last reading's. */
    private Double changed(OpcUaDeviceSettings.Role role, List<NodeSample> samples) {
        boolean touched = samples.stream().anyMatch(s -> s.role() == role);
        BigDecimal value = (BigDecimal) current.get(role);
        if (!touched || value == null) {
            return null;
        }
        Double d = value.doubleValue();
        if (d.equals(lastClimate.get(role))) {
            return null;
        }
        lastClimate.put(role, d);
        return d;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    private static String typeOf(Object value) {
        return value == null ? "no value" : value.getClass().getSimpleName();
    }
}
