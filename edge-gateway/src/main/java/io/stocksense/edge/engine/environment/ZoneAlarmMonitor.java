package io.stocksense.edge.engine.environment;

import io.stocksense.config.TemperatureLimits;
import io.stocksense.edge.alarm.ActiveAlarm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The excursion alarm of one zone, fed by every temperature sensor in it.
 *
 * <ul>
 *   <li>Each sensor's "outside the band" state is {@link Debounced}: it needs
 *       {@link TemperatureLimits#confirmReadings()} consecutive readings outside (or back inside) to change.</li>
 *   <li>The alarm is raised once one sensor has been confirmed outside for {@link TemperatureLimits#alarmDelay()},
 *       counted from the first reading outside, and its latest reading is still outside. A confirmed return
 *       inside before that resets it.</li>
 *   <li>It clears once every sensor that has reported is confirmed back inside the band by
 *       {@link TemperatureLimits#hysteresisC()}, and has stayed so for {@link TemperatureLimits#clearDelay()}.
 *       A sensor that falls silent keeps the alarm: a dead sensor in a warm room is no all-clear.</li>
 * </ul>
 * Time is the gateway's receive time of each reading and the pipeline's clock on {@link #check}.
 * Not thread-safe; one owner.
 */
final class ZoneAlarmMonitor {

    /** A raise (the new alarm) or a clear (the alarm that ended, with the reading that ended it). */
    record Transition(boolean raised, ActiveAlarm alarm, double valueC, Instant at) {
    }

    private static final class Sensor {
        final Debounced outside;
        Debounced clear;
        double lastC;
        boolean lastOutside;

        Sensor(int confirm) {
            outside = new Debounced(confirm, false, null);
            clear = new Debounced(confirm, false, null);
        }
    }

    private final String warehouse;
    private final String zone;
    private final TemperatureLimits limits;
    private final Map<String, Sensor> sensors = new LinkedHashMap<>();
    private ActiveAlarm alarm;
    private Double lastC;

    ZoneAlarmMonitor(String warehouse, String zone, TemperatureLimits limits, ActiveAlarm restored) {
        this.warehouse = warehouse;
        this.zone = zone;
        this.limits = limits;
        this.alarm = restored;
    }

    /** Feeds one reading and returns the transition it completes, if any. */
    Optional<Transition> onTemperature(String sensorId, double celsius, Instant at) {
        Sensor s = sensors.computeIfAbsent(sensorId, k -> new Sensor(limits.confirmReadings()));
        s.lastC = celsius;
        lastC = celsius;
        s.lastOutside = celsius < limits.minC() || celsius > limits.maxC();
        s.outside.observe(s.lastOutside, at);
        s.clear.observe(celsius >= limits.minC() + limits.hysteresisC() && celsius <= limits.maxC() - limits.hysteresisC(), at);
        return check(at);
    }

    /** Raises or clears when a delay has run out, even with no new reading. */
    Optional<Transition> check(Instant now) {
        return alarm == null ? checkRaise(now) : checkClear(now);
    }

    private Optional<Transition> checkRaise(Instant now) {
        for (Map.Entry<String, Sensor> e : sensors.entrySet()) {
            Sensor s = e.getValue();
            // The latest reading must still be outside: a confirmed excursion whose return is not yet
            // confirmed has not "stayed outside" for the delay.
            if (s.outside.state() && s.lastOutside && !now.isBefore(s.outside.since().plus(limits.alarmDelay()))) {
                double limit = s.lastC > (limits.minC() + limits.maxC()) / 2 ? limits.maxC() : limits.minC();
                alarm = new ActiveAlarm(warehouse, zone, s.outside.since(), now, s.lastC, limit, e.getKey());
                // Clearing needs fresh evidence from every sensor heard from now on.
                sensors.values().forEach(x -> x.clear = new Debounced(limits.confirmReadings(), false, null));
                return Optional.of(new Transition(true, alarm, s.lastC, now));
            }
        }
        return Optional.empty();
    }

    private Optional<Transition> checkClear(Instant now) {
        Instant clearSince = null;
        for (Sensor s : sensors.values()) {
            if (!s.clear.state()) {
                return Optional.empty();
            }
            clearSince = clearSince == null || s.clear.since().isAfter(clearSince) ? s.clear.since() : clearSince;
        }
        if (clearSince == null || now.isBefore(clearSince.plus(limits.clearDelay()))) {
            return Optional.empty();
        }
        ActiveAlarm ended = alarm;
        alarm = null;
        return Optional.of(new Transition(false, ended, lastC, now));
    }

    ActiveAlarm alarm() {
        return alarm;
    }

    Double lastC() {
        return lastC;
    }
}
