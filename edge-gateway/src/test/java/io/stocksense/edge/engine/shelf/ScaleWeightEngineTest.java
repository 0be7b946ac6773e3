package io.stocksense.edge.engine.shelf;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.TestSites;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.Engines;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;

class ScaleWeightEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Device SCALE = new Device("scale-1", "gw-1", DeviceFamily.SCALE, Transport.SERIAL, "/dev/ttyUSB0",
            "toledo-continuous", "WH1", "DOCK-1", null, null, null, Map.of());
    static final Device SCANNER = new Device("scanner-1", "gw-1", DeviceFamily.BARCODE, Transport.SERIAL, "/dev/ttyUSB1",
            "barcode", "WH1", "DOCK-1", null, null, null, Map.of());

    private final ScaleWeightEngine engine = new ScaleWeightEngine(SCALE);

    private EngineOutput weigh(String grams, boolean stable) {
        return engine.onWeight(new WeightReading("scale-1", null, new BigDecimal(grams), stable), T0);
    }

    @Test
    void eachNewStableWeightIsOneDeviceEventAndRepeatsOrUnstableWeightsAreNot() {
        EngineOutput first = weigh("1005.000", true);
        assertThat(weigh("1005.0", true)).isEqualTo(EngineOutput.EMPTY);
        assertThat(weigh("1300", false)).isEqualTo(EngineOutput.EMPTY);
        EngineOutput second = weigh("1407.000", true);

        assertThat(materialize(first.events())).singleElement().isInstanceOfSatisfying(DeviceEvent.class, e -> {
            assertThat(e.kind()).isEqualTo("scale-weight");
            assertThat(e.message()).isEqualTo("stable weight 1005.000 g");
            assertThat(e.attributes()).containsEntry("grams", "1005.000").containsEntry("location", "DOCK-1");
            assertThat(e.gatewayTime()).isEqualTo(T0);
        });
        assertThat(materialize(second.events())).singleElement().extracting(e -> ((DeviceEvent) e).attributes().get("grams"))
                .isEqualTo("1407.000");
    }

    @Test
    void scaleAndBarcodeDevicesAreNoConfigurationErrorAndAScaleWeightIsAnEvent() {
        Engines engines = new Engines(TestSites.small(List.of(SCALE, SCANNER)), List.of(SCALE, SCANNER), Map.of());

        assertThat(engines.configurationErrors()).isEmpty();
        assertThat(engines.onWeight(SCALE, new WeightReading("scale-1", null, new BigDecimal("5"), true), T0).events()).hasSize(1);
    }
}
