package io.stocksense.edge.alarm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The gateway's local alarms as they stand after being stored: which zones are in alarm, and each
 * monitored zone's climate for {@code /health}. Outputs (a stack light, a buzzer) listen here, so they
 * follow the alarms whether or not the cloud is reachable.
 *
 * <p><b>Threading:</b> thread-safe. Written by the pipeline thread; read by health and adapters.
 * Listeners run on the writing thread and must be quick (set a pin); one that throws is logged and
 * does not stop the others.
 */
public final class LocalAlarms {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAlarms.class);

    private final Map<String, ActiveAlarm> active = new ConcurrentHashMap<>();
    private final Map<String, ZoneClimate> zones = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private boolean lastAnyActive;

    public LocalAlarms(Collection<ActiveAlarm> restored) {
        restored.forEach(a -> active.put(a.zoneKey(), a));
        lastAnyActive = !active.isEmpty();
    }

    public static LocalAlarms none() {
        return new LocalAlarms(List.of());
    }

    /** Applies stored raise/clear changes and tells the listeners when "any alarm active" flips. */
    public void apply(Collection<AlarmChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        boolean now;
        synchronized (this) {
            for (AlarmChange c : changes) {
                if (c.active() == null) {
                    active.remove(c.zoneKey());
                } else {
                    active.put(c.zoneKey(), c.active());
                }
            }
            now = !active.isEmpty();
            if (now == lastAnyActive) {
                return;
            }
            lastAnyActive = now;
        }
        listeners.forEach(l -> notify(l, now));
    }

    /** Registers a listener and calls it at once with the current state. */
    public void onAnyActiveChanged(Consumer<Boolean> listener) {
        listeners.add(listener);
        notify(listener, anyActive());
    }

    public void removeListener(Consumer<Boolean> listener) {
        listeners.remove(listener);
    }

    public boolean anyActive() {
        return !active.isEmpty();
    }

    public List<ActiveAlarm> active() {
        return active.values().stream().sorted(java.util.Comparator.comparing(ActiveAlarm::zoneKey)).toList();
    }

    public void updateZones(Collection<ZoneClimate> climates) {
        climates.forEach(z -> zones.put(ActiveAlarm.key(z.warehouse(), z.zone()), z));
    }

    public List<ZoneClimate> zones() {
        // The alarm shown is the stored one, not what an engine may have decided but not yet stored.
        return zones.values().stream()
                .map(z -> new ZoneClimate(z.warehouse(), z.zone(), z.lastTemperatureC(), z.mktC(),
                        active.get(ActiveAlarm.key(z.warehouse(), z.zone()))))
                .sorted(java.util.Comparator.comparing(z -> ActiveAlarm.key(z.warehouse(), z.zone())))
                .toList();
    }

    private static void notify(Consumer<Boolean> listener, boolean anyActive) {
        try {
            listener.accept(anyActive);
        } catch (RuntimeException e) {
            LOG.warn("alarm listener failed: {}", e.toString());
        }
    }
}
