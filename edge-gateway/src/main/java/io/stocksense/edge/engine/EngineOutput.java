package io.stocksense.edge.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What engines decided for one batch of readings: events to store, and the shelf slots whose counted
 * weight moved (stored with the events, in one transaction, so a restart neither re-baselines nor
 * double counts).
 */
public record EngineOutput(List<PendingEvent> events, Map<String, BigDecimal> shelfCountedGrams) {

    public static final EngineOutput EMPTY = new EngineOutput(List.of(), Map.of());

    public EngineOutput {
        events = List.copyOf(events);
        shelfCountedGrams = Map.copyOf(shelfCountedGrams);
    }

    public static EngineOutput of(List<PendingEvent> events) {
        return new EngineOutput(events, Map.of());
    }

    public boolean isEmpty() {
        return events.isEmpty() && shelfCountedGrams.isEmpty();
    }

    public EngineOutput plus(EngineOutput other) {
        if (other.isEmpty()) {
            return this;
        }
        List<PendingEvent> all = new ArrayList<>(events);
        all.addAll(other.events);
        Map<String, BigDecimal> grams = new LinkedHashMap<>(shelfCountedGrams);
        grams.putAll(other.shelfCountedGrams);
        return new EngineOutput(all, grams);
    }
}
