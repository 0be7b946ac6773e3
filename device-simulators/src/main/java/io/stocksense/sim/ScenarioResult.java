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
 */
public record ScenarioResult(String scenario, long messagesSent, Map<StockKey, BigDecimal> expectedStockDelta,
                             Map<String, Integer> messagesPerDevice) {

    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        expectedStockDelta = Collections.unmodifiableMap(new LinkedHashMap<>(expectedStockDelta));
        messagesPerDevice = Collections.unmodifiableMap(new LinkedHashMap<>(messagesPerDevice));
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
