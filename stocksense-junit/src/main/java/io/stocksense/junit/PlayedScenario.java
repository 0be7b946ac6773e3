package io.stocksense.junit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a played scenario did.
 *
 * @param expectedStock  the stock change the scenario must cause, as {@code SKU@LOCATION} → quantity (net
 *                       zero changes left out); for a warehouse that started empty, exactly the stock to expect
 * @param faultsInjected device id → fault → messages hit (see the scenario's {@code faults})
 */
public record PlayedScenario(String scenario, long messagesSent, Map<String, BigDecimal> expectedStock,
                             Map<String, Map<String, Long>> faultsInjected) {

    public PlayedScenario {
        expectedStock = Map.copyOf(expectedStock);
        faultsInjected = Map.copyOf(faultsInjected);
    }
}
