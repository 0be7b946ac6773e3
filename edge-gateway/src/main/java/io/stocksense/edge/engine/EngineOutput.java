package io.stocksense.edge.engine;

import io.stocksense.edge.alarm.AlarmChange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What engines decided for one batch of readings: events to store, the shelf slots whose counted
 * weight moved, and local alarms raised or cleared. All are stored in one transaction with the events,
 * so a restart neither re-baselines, double counts, nor forgets an active alarm.
 */
public record EngineOutput(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams,
                           List<AlarmChange> alarmChanges) {

    public static final EngineOutput EMPTY = new EngineOutput(List.of(), Map.of(), List.of());

    public EngineOutput {
        events = List.copyOf(events);
        shelfCountedGrams = Map.copyOf(shelfCountedGrams);
        alarmChanges = List.copyOf(alarmChanges);
    }

    public EngineOutput(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams) {
        this(events, shelfCountedGrams, List.of());
    }

    public static EngineOutput of(List<PendingEvent> events) {
        return new EngineOutput(events, Map.of());
    }

    public boolean isEmpty() {
        return events.isEmpty() && shelfCountedGrams.isEmpty() && alarmChanges.isEmpty();
    }

    public EngineOutput plus(EngineOutput other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<PendingEvent> all = new ArrayList<>(events);
        all.addAll(other.events);
        Map<String, BigDecimal> grams = new LinkedHashMap<>(shelfCountedGrams);
        grams.putAll(other.shelfCountedGrams);
        List<AlarmChange> alarms = new ArrayList<>(alarmChanges);
        alarms.addAll(other.alarmChanges);
        return new EngineOutput(all, grams, alarms);
    }
}
