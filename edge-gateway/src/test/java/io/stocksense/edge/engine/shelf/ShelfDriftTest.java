package io.stocksense.edge.engine.shelf;

import io.stocksense.config.Device;
import io.stocksense.config.ShelfSettings;
import io.stocksense.edge.TestSites;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** BOLT-M8 (33.5 g, tolerance 8 g) on a noisy, drifting load cell; one reading per simulated second. */
class ShelfDriftTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final Random noise = new Random(42);
    private final List<PendingEvent> events = new ArrayList<>();
    private final ShelfWeightEngine engine = new ShelfWeightEngine(TestSites.shelf(), TestSites.small().product("BOLT-M8").orElseThrow(), null);

    /** ±3 g of noise on a 0.5 g/min drift over {@code grams}. */
    private BigDecimal noisy(double grams, int second) {
        double value = grams + 0.5 * second / 60.0 + (noise.nextDouble() * 6 - 3);
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0);
    }

    private EngineOutput weigh(BigDecimal grams, boolean stable, int second) {
        EngineOutput out = engine.onWeight(new WeightReading("shelf-a1", null, grams, stable), T0.plusSeconds(second));
        events.addAll(out.events());
        return out;
    }

    @ParameterizedTest(name = "device stable flag {0}")
    @ValueSource(booleans = {false, true})
    void tenMinutesOfNoiseAndDriftAreNoMovementThenAPickOfTwoIsExactlyMinusTwo(boolean flagged) {
        for (int s = 0; s < 600; s++) {
            weigh(noisy(1005.0, s), flagged, s);
        }
        assertThat(events).as("noise and drift over 10 minutes").isEmpty();
        assertThat(engine.countedGrams().doubleValue()).as("the counted weight followed the 5 g drift")
                .isCloseTo(1010.0, within(1.5));

        // A hand takes two bolts: two moving readings, then the new weight, as noisy as before.
        weigh(new BigDecimal("990.4"), false, 600);
        weigh(new BigDecimal("951.0"), false, 601);
        for (int s = 602; s < 662; s++) {
            weigh(noisy(1005.0 - 67.0, s), flagged, s);
        }

        List<GatewayEvent> out = materialize(events);
        assertThat(out).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.SHELF_PICK);
            assertThat(m.signedQuantity(m.lines().get(0))).isEqualByComparingTo("-2");
        });
    }

    @Test
    void unflaggedReadingsSettleOnlyWhenTheWholeWindowAgrees() {
        int s = 0;
        for (String g : List.of("1005", "1006", "1004", "1005")) {
            assertThat(weigh(new BigDecimal(g), false, s++)).as("fewer than 5 readings").isEqualTo(EngineOutput.EMPTY);
        }
        EngineOutput baseline = weigh(new BigDecimal("1005"), false, s++);
        assertThat(baseline.shelfCountedGrams()).isEqualTo(Map.of("shelf-a1", new BigDecimal("1005.000")));

        // A hand pressing and lifting: the readings spread far beyond the 8 g band, nothing settles.
        for (String g : List.of("1100", "920", "1060", "938", "1200")) {
            assertThat(weigh(new BigDecimal(g), false, s++)).isEqualTo(EngineOutput.EMPTY);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void readingsOlderThanTheWindowDoNotCount() {
        // One reading every 4 s: 5 readings span 16 s > 10 s window, so only 3 are ever in it.
        for (int i = 0; i < 10; i++) {
            assertThat(weigh(new BigDecimal("1005"), false, i * 4)).isEqualTo(EngineOutput.EMPTY);
        }
        assertThat(engine.countedGrams()).isNull();
    }

    @Test
    void tareReBaselinesWithoutAMovement() {
        weigh(new BigDecimal("1005.0"), true, 0);
        engine.tare();

        EngineOutput out = weigh(new BigDecimal("12.0"), true, 5); // emptied, a new tray on it

        assertThat(out.shelfCountedGrams()).isEqualTo(Map.of("shelf-a1", new BigDecimal("12.0")));
        assertThat(materialize(out.events())).singleElement().isInstanceOfSatisfying(DeviceEvent.class, e -> {
            assertThat(e.kind()).isEqualTo("shelf-tare");
            assertThat(e.attributes()).containsEntry("previousCountedGrams", "1005.0").containsEntry("baselineGrams", "12.0");
        });
        // Counting goes on from the new baseline.
        assertThat(materialize(weigh(new BigDecimal("79.0"), true, 10).events())).singleElement()
                .isInstanceOfSatisfying(StockMovement.class, m -> assertThat(m.lines().get(0).quantity()).isEqualByComparingTo("2"));
    }

    @Test
    void badStabilityOptionsNameTheDeviceAndOption() {
        Device d = TestSites.shelf();
        Device bad = new Device(d.id(), d.gateway(), d.family(), d.transport(), d.address(), d.codec(), d.warehouse(),
                d.location(), d.zone(), null, new ShelfSettings("BOLT-M8", new BigDecimal("8")), Map.of("shelf.stableReadings", "1"));

        assertThatThrownBy(() -> new ShelfWeightEngine(bad, TestSites.small().product("BOLT-M8").orElseThrow(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shelf-a1").hasMessageContaining("shelf.stableReadings");
    }
}
