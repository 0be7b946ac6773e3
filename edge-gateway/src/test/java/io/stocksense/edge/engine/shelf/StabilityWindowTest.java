package io.stocksense.edge.engine.shelf;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityWindowTest {

    private final StabilityWindow window = new StabilityWindow(5, Duration.ofSeconds(10), new BigDecimal("8"));

    @Test
    void aCellWithoutAStableFlagSettlesThroughTheWindowAtTheMean() {
        BigDecimal settled = null;
        String[] grams = {"1000.0", "1002.0", "998.0", "1001.0", "999.0"};
        for (int i = 0; i < grams.length; i++) {
            settled = window.add(new BigDecimal(grams[i]), false, i * 200L);
            if (i < grams.length - 1) {
                assertThat(settled).as("reading %d", i).isNull();
            }
        }
        assertThat(settled).isEqualByComparingTo("1000.000");
    }

    @Test
    void aScaleThatReportsStabilityIsBelievedWhenItSaysItIsInMotion() {
        assertThat(window.add(new BigDecimal("1407.00"), true, 0)).isEqualByComparingTo("1407.00");
        // five still but "dynamic" readings (MT-SICS "S D"): never counted
        for (int i = 1; i <= 6; i++) {
            assertThat(window.add(new BigDecimal("1300.00"), false, i * 200L)).as("dynamic reading %d", i).isNull();
        }
        assertThat(window.add(new BigDecimal("1340.00"), true, 2000)).isEqualByComparingTo("1340.00");
    }

    @Test
    void readingsSpreadWiderThanTheBandDoNotSettle() {
        for (int i = 0; i < 5; i++) {
            assertThat(window.add(new BigDecimal(i % 2 == 0 ? "1000" : "1010"), false, i * 100L)).isNull();
        }
    }
}
