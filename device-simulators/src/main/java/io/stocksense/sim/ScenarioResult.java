package io.stocksense.sim;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario did.
 *
 * @param messagesSent        MQTT messages published, all devices together
 * @param expectedStockDelta  the exact net stock change the scenario should cause in the ledger, per
 *                            SKU × warehouse × location: portal receipts (+1 per case) and dispatches
 *                            (−1 per case) at the portal's location, shelf placements (+n) and picks
 *                            (−n) at the shelf's location; baselines change nothing; keys whose net is
 *                            zero are left out. It assumes the gateway saw each shelf empty (0 g) first.
 * @param messagesPerDevice   messages per device id, for every device the scenario could drive
 * @param faultsInjected      per device id, how many messages each fault hit (drop, duplicate, reorder,
 *                            garble, delay, unplug, broker-outage); the expected stock does NOT allow for
 *                            them: a dropped shelf reading or an unplugged portal changes what the gateway
 *                            can count, duplicates, reordering, delays and garbage must not
 */
public record ScenarioResult(String scenario, long messagesSent, Map<StockKey, BigDecimal> expectedStockDelta,
                             Map<String, Integer> messagesPerDevice, Map<String, Map<String, Long>> faultsInjected) {

    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        expectedStockDelta = Collections.unmodifiableMap(new LinkedHashMap<>(expectedStockDelta));
        messagesPerDevice = Collections.unmodifiableMap(new LinkedHashMap<>(messagesPerDevice));
        faultsInjected = Collections.unmodifiableMap(new LinkedHashMap<>(faultsInjected));
    }

    /** A result without injected faults. */
    public ScenarioResult(String scenario, long messagesSent, Map<StockKey, BigDecimal> expectedStockDelta,
                          Map<String, Integer> messagesPerDevice) {
        this(scenario, messagesSent, expectedStockDelta, messagesPerDevice, Map.of());
    }

    /** Messages hit by one fault, all devices together. */
    public long faults(String fault) {
        return faultsInjected.values().stream().mapToLong(m -> m.getOrDefault(fault, 0L)).sum();
    }

    /** Where stock changes: the ledger's SKU × warehouse × location. */
    public record StockKey(String sku, String warehouse, String location) {

        public StockKey {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(warehouse, "warehouse");
            Objects.requireNonNull(location, "location");
        }

        @Override
        public String toString() {
            return sku + "@" + warehouse + "/" + location;
        }
    }
}
