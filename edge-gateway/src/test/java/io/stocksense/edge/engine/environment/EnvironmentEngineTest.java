package io.stocksense.edge.engine.environment;

import io.stocksense.edge.TestSites;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.TelemetryPoint;
import io.stocksense.protocol.reading.ClimateReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final EnvironmentEngine engine = new EnvironmentEngine(TestSites.coldSensor());

    @Test
    void oneTelemetryPointPerReportedValueInTheSensorsZone() {
        List<GatewayEvent> events = materialize(engine.onClimate(new ClimateReading("cold-sensor-1", null, 4.75, 55.4, 86), NOW));

        assertThat(events).containsExactly(
                new TelemetryPoint("evt-1", null, "cold-sensor-1", 1, null, NOW, ClockSync.UNKNOWN, "WH1", "COLD", "temperature", 4.75, "CEL"),
                new TelemetryPoint("evt-2", null, "cold-sensor-1", 2, null, NOW, ClockSync.UNKNOWN, "WH1", "COLD", "humidity", 55.4, "P1"),
                new TelemetryPoint("evt-3", null, "cold-sensor-1", 3, null, NOW, ClockSync.UNKNOWN, "WH1", "COLD", "battery", 86.0, "P1"));
    }

    @Test
    void missingValuesMakeNoPoints() {
        List<GatewayEvent> events = materialize(engine.onClimate(new ClimateReading("cold-sensor-1", NOW, -19.5, null, null), NOW));

        assertThat(events).singleElement().isInstanceOfSatisfying(TelemetryPoint.class, p -> {
            assertThat(p.metric()).isEqualTo("temperature");
            assertThat(p.value()).isEqualTo(-19.5);
            assertThat(p.deviceTime()).isEqualTo(NOW);
        });
    }
}
