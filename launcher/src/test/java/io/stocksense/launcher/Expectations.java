package io.stocksense.launcher;

import io.stocksense.sim.ScenarioResult;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Turns what the simulators report having done into the stock the cloud must show. */
final class Expectations {

    private Expectations() {
    }

    @SafeVarargs
    static Map<String, BigDecimal> stock(Map<ScenarioResult.StockKey, BigDecimal>... deltas) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map<ScenarioResult.StockKey, BigDecimal> d : deltas) {
            d.forEach((k, v) -> out.merge(k.sku() + "@" + k.location(), v, BigDecimal::add));
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        out.values().removeIf(v -> v.signum() == 0);
        return out;
    }

    /** How many tagged cases (portal receipts) a scenario moved. */
    static BigDecimal receivedAt(Map<ScenarioResult.StockKey, BigDecimal> delta, String location) {
        return delta.entrySet().stream().filter(e -> e.getKey().location().equals(location))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
