package io.stocksense.edge.engine.environment;

import io.stocksense.config.TemperatureLimits;
import io.stocksense.edge.alarm.ActiveAlarm;
import io.stocksense.edge.alarm.AlarmChange;
import io.stocksense.edge.alarm.ZoneClimate;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.TelemetryPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local climate alarms of the zones one gateway measures, evaluated at the edge so they work with the
 * cloud offline. Per zone with {@link TemperatureLimits}: a {@link ZoneAlarmMonitor} that raises and
 * clears the excursion alarm ({@code alarm-raised}, severity critical / {@code alarm-cleared}, info;
 * attributes warehouse, zone, value, limit, since, sensor), and the zone's mean kinetic temperature over
 * {@code mktWindow}, sent every {@code mktInterval} as a {@code mkt} TelemetryPoint (CEL).
 *
 * <p>These events belong to no sensor: their device id is the gateway's, which evaluated them. Each
 * raise and clear comes with an {@link AlarmChange}, stored with the event, so a restart remembers an
 * active alarm. Not thread-safe; the pipeline thread owns it.
 */
public final class ZoneAlarmEngine {

    public static final Duration DEFAULT_MKT_WINDOW = Duration.ofHours(24);
    public static final Duration DEFAULT_MKT_INTERVAL = Duration.ofMinutes(15);

    private record Sample(Instant at, double celsius) {
    }

    private static final class ZoneState {
        final String warehouse;
        final String zone;
        final ZoneAlarmMonitor monitor;
        final Deque<Sample> window = new ArrayDeque<>();
        Instant nextMktAt;

        ZoneState(String warehouse, String zone, ZoneAlarmMonitor monitor) {
            this.warehouse = warehouse;
            this.zone = zone;
            this.monitor = monitor;
        }
    }

    private final String gatewayId;
    private final Duration mktWindow;
    private final Duration mktInterval;
    private final Map<String, ZoneState> zones = new LinkedHashMap<>();

    public ZoneAlarmEngine(String gatewayId, Duration mktWindow, Duration mktInterval) {
        this.gatewayId = gatewayId;
        this.mktWindow = mktWindow;
        this.mktInterval = mktInterval;
    }

    /** Watches a zone; {@code restored} is its alarm persisted before a restart, or null. */
    public void watch(String warehouse, String zone, TemperatureLimits limits, ActiveAlarm restored) {
        zones.computeIfAbsent(ActiveAlarm.key(warehouse, zone),
                k -> new ZoneState(warehouse, zone, new ZoneAlarmMonitor(warehouse, zone, limits, restored)));
    }

    public boolean watches(String warehouse, String zone) {
        return zones.containsKey(ActiveAlarm.key(warehouse, zone));
    }

    public EngineOutput onTemperature(String warehouse, String zone, String sensorId, double celsius, Instant at) {
        ZoneState z = zones.get(ActiveAlarm.key(warehouse, zone));
        if (z == null) {
            return EngineOutput.EMPTY;
        }
        z.window.addLast(new Sample(at, celsius));
        if (z.nextMktAt == null) {
            z.nextMktAt = at.plus(mktInterval);
        }
        return output(z.monitor.onTemperature(sensorId, celsius, at));
    }

    public EngineOutput tick(Instant now) {
        EngineOutput out = EngineOutput.EMPTY;
        for (ZoneState z : zones.values()) {
            out = out.plus(output(z.monitor.check(now)));
            prune(z, now);
            if (z.nextMktAt != null && !now.isBefore(z.nextMktAt) && !z.window.isEmpty()) {
                z.nextMktAt = now.plus(mktInterval);
                out = out.plus(EngineOutput.of(List.of(mkt(z, mktC(z), now))));
            }
        }
        return out;
    }

    /** Each zone's latest temperature and MKT (the alarm shown on /health comes from the stored state). */
    public List<ZoneClimate> climates() {
        List<ZoneClimate> out = new ArrayList<>();
        zones.values().forEach(z ->
                out.add(new ZoneClimate(z.warehouse, z.zone, z.monitor.lastC(), z.window.isEmpty() ? null : mktC(z), null)));
        return out;
    }

    private void prune(ZoneState z, Instant now) {
        Instant oldest = now.minus(mktWindow);
        while (!z.window.isEmpty() && z.window.peekFirst().at().isBefore(oldest)) {
            z.window.removeFirst();
        }
    }

    private static double mktC(ZoneState z) {
        List<Double> values = new ArrayList<>(z.window.size());
        z.window.forEach(s -> values.add(s.celsius()));
        return Math.round(MeanKineticTemperature.ofCelsius(values) * 100) / 100.0;
    }

    private PendingEvent mkt(ZoneState z, double mktC, Instant now) {
        return new PendingEvent(gatewayId, (id, seq) -> new TelemetryPoint(id, null, gatewayId, seq, now, now,
                ClockSync.UNKNOWN, z.warehouse, z.zone, "mkt", mktC, "CEL"));
    }

    private EngineOutput output(Optional<ZoneAlarmMonitor.Transition> transition) {
        if (transition.isEmpty()) {
            return EngineOutput.EMPTY;
        }
        ZoneAlarmMonitor.Transition t = transition.get();
        ActiveAlarm a = t.alarm();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("warehouse", a.warehouse());
        attributes.put("zone", a.zone());
        attributes.put("value", String.valueOf(t.valueC()));
        attributes.put("limit", String.valueOf(a.limitC()));
        attributes.put("since", a.since().toString());
        attributes.put("sensor", a.sensorId());
        String kind = t.raised() ? "alarm-raised" : "alarm-cleared";
        String message = t.raised()
                ? String.format(java.util.Locale.ROOT, "zone %s: %.2f °C is %s the limit %.2f °C since %s", a.zone(), t.valueC(),
                        a.valueC() > a.limitC() ? "above" : "below", a.limitC(), a.since())
                : String.format(java.util.Locale.ROOT, "zone %s: back within limits at %.2f °C", a.zone(), t.valueC());
        PendingEvent event = new PendingEvent(gatewayId, (id, seq) -> new DeviceEvent(id, null, gatewayId, seq, t.at(), t.at(),
                ClockSync.UNKNOWN, kind, t.raised() ? "critical" : "info", message, attributes));
        AlarmChange change = t.raised() ? AlarmChange.raised(a) : AlarmChange.cleared(a.zoneKey());
        return new EngineOutput(List.of(event), Map.of(), List.of(change));
    }
}
