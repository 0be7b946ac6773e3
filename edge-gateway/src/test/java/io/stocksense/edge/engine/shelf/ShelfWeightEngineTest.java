package io.stocksense.edge.engine.shelf;

import io.stocksense.edge.TestSites;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;

/** BOLT-M8: 33.5 g per item, tolerance 8 g. */
class ShelfWeightEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final ShelfWeightEngine engine = newEngine(null);

    private static ShelfWeightEngine newEngine(BigDecimal counted) {
        return new ShelfWeightEngine(TestSites.shelf(), TestSites.small().product("BOLT-M8").orElseThrow(), counted);
    }

    private static EngineOutput weigh(ShelfWeightEngine e, String grams, boolean stable) {
        return e.onWeight(new WeightReading("shelf-a1", T0, new BigDecimal(grams), stable), T0.plusSeconds(1));
    }

    private static StockMovement movement(EngineOutput out) {
        List<GatewayEvent> events = materialize(out.events());
        assertThat(events).hasSize(1).first().isInstanceOf(StockMovement.class);
        return (StockMovement) events.get(0);
    }

    @Test
    void firstStableWeightIsTheBaselineAndUnstableOnesDoNotCount() {
        assertThat(weigh(engine, "700", false)).isEqualTo(EngineOutput.EMPTY);

        EngineOutput baseline = weigh(engine, "1005.0", true);

        assertThat(baseline.events()).isEmpty();
        assertThat(baseline.shelfCountedGrams()).isEqualTo(Map.of("shelf-a1", new BigDecimal("1005.0")));
    }

    @Test
    void twelveMoreItemsAreAPlacementThenTwoLessAPick() {
        weigh(engine, "1005.0", true);

        EngineOutput placed = weigh(engine, "1409.5", true); // +402.0 = 12 × 33.5, +2.5 g off
        StockMovement m = movement(placed);
        assertThat(m.movementType()).isEqualTo(MovementType.SHELF_PLACEMENT);
        assertThat(m.location()).isEqualTo("SHELF-A1");
        assertThat(m.deviceTime()).isEqualTo(T0);
        assertThat(m.gatewayTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(m.lines()).containsExactly(new MovementLine("BOLT-M8", "04012345300017", BigDecimal.valueOf(12), "EA", null, List.of()));
        // The counted weight moves by exactly 12 items, not to the measured value.
        assertThat(placed.shelfCountedGrams().get("shelf-a1")).isEqualByComparingTo("1407.0");

        StockMovement picked = movement(weigh(engine, "1340.0", true));
        assertThat(picked.movementType()).isEqualTo(MovementType.SHELF_PICK);
        assertThat(picked.lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(engine.countedGrams()).isEqualByComparingTo("1340.0");
    }

    @Test
    void noiseWithinToleranceIsNothing() {
        weigh(engine, "1005.0", true);

        assertThat(weigh(engine, "1012.9", true)).isEqualTo(EngineOutput.EMPTY);
        assertThat(weigh(engine, "997.0", true)).isEqualTo(EngineOutput.EMPTY);
        assertThat(engine.countedGrams()).isEqualByComparingTo("1005.0");
    }

    @Test
    void oneAndAHalfItemsIsAnAnomalyWithTheGramsAndNeverAFraction() {
        weigh(engine, "1005.0", true);

        EngineOutput out = weigh(engine, "954.75", true); // -50.25 = -1.5 items

        assertThat(out.shelfCountedGrams()).isEmpty();
        assertThat(materialize(out.events())).singleElement().isInstanceOfSatisfying(DeviceEvent.class, e -> {
            assertThat(e.kind()).isEqualTo("shelf-anomaly");
            assertThat(e.attributes()).containsEntry("grams", "954.75").containsEntry("countedGrams", "1005.0")
                    .containsEntry("deltaGrams", "-50.25").containsEntry("sku", "BOLT-M8");
        });
        assertThat(engine.countedGrams()).isEqualByComparingTo("1005.0");
        // The same anomalous weight repeated is not reported again; a whole-item weight counts again.
        assertThat(weigh(engine, "955.0", true).events()).isEmpty();
        assertThat(movement(weigh(engine, "938.0", true)).lines().get(0).quantity()).isEqualByComparingTo("2");
    }

    @Test
    void aPersistedCountedWeightMeansNoNewBaseline() {
        ShelfWeightEngine restarted = newEngine(new BigDecimal("1005.0"));

        StockMovement m = movement(weigh(restarted, "938.0", true));

        assertThat(m.movementType()).isEqualTo(MovementType.SHELF_PICK);
        assertThat(m.lines().get(0).quantity()).isEqualByComparingTo("2");
    }
}
