package io.stocksense.sim.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Product;
import io.stocksense.config.ShelfSettings;
import io.stocksense.config.TemperatureLimits;
import io.stocksense.config.Transport;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShelfAndClimatePayloadTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Product NUT = new Product("NUT-M8", "Hex nut M8", "04012345300024", 7, "EA", new BigDecimal("5.2"));

    final SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
    final List<JsonNode> sent = new ArrayList<>();
    final List<String> topics = new ArrayList<>();
    final MessageSink sink = (topic, payload) -> {
        topics.add(topic);
        try {
            sent.add(Json.MAPPER.readTree(payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };

    static Device shelf(String tolerance) {
        return new Device("shelf-x", "gw-1", DeviceFamily.SMART_SHELF, Transport.MQTT, "shelf/X/weight", "shelf-json", "WH1", "SHELF-X",
                null, null, new ShelfSettings("NUT-M8", new BigDecimal(tolerance)), Map.of());
    }

    static Device sensor(String zone) {
        return new Device("t-1", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "zigbee2mqtt/t-1", "zigbee2mqtt", "WH1", null,
                zone, null, null, Map.of());
    }

    @Test
    void baselineIsAStableZero() {
        new SmartShelfSimulator(shelf("1.5"), NUT, sink, clock, new Random(1)).baseline();

        assertThat(topics).containsExactly("shelf/X/weight");
        JsonNode j = sent.get(0);
        assertThat(j.get("grams").decimalValue()).isEqualTo(new BigDecimal("0.0"));
        assertThat(j.get("stable").asBoolean()).isTrue();
        assertThat(Instant.parse(j.get("ts").asText())).isEqualTo(T0);
        assertThat(PortalPayloadTest.shape(j)).isEqualTo(PortalPayloadTest.shape(fixture("stocksense_shelf_stable.json")));
    }

    @Test
    void placeAndPickSendUnstableReadingsThenAStableWeightWithinTolerance() {
        SmartShelfSimulator sim = new SmartShelfSimulator(shelf("1.5"), NUT, sink, clock, new Random(9));
        sim.baseline();
        for (int round = 0; round < 50; round++) {
            sent.clear();
            int before = sim.count();
            if (round % 2 == 0) {
                sim.place(13);
            } else {
                sim.pick(7);
            }
            assertThat(sent.size()).isBetween(2, 3);
            assertThat(sent.subList(0, sent.size() - 1)).allMatch(j -> !j.get("stable").asBoolean());
            JsonNode stable = sent.get(sent.size() - 1);
            assertThat(stable.get("stable").asBoolean()).isTrue();
            BigDecimal exact = NUT.unitWeightGrams().multiply(BigDecimal.valueOf(sim.count()));
            // noise is at most a fifth of the 1.5 g tolerance, rounded to 0.1 g
            assertThat(stable.get("grams").decimalValue().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.3"));
            assertThat(stable.get("grams").decimalValue().scale()).isEqualTo(1);
            assertThat(sim.count()).isEqualTo(before + (round % 2 == 0 ? 13 : -7));
        }
    }

    @Test
    void cannotPickMoreThanIsThere() {
        SmartShelfSimulator sim = new SmartShelfSimulator(shelf("1.5"), NUT, sink, clock, new Random(1));
        sim.place(2);
        assertThatThrownBy(() -> sim.pick(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 2");
        assertThatThrownBy(() -> sim.place(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProductWithoutUnitWeightCannotBeOnAShelf() {
        Product cases = new Product("INS", "pens", "04012345123456", 7, "CS", null);
        assertThatThrownBy(() -> new SmartShelfSimulator(shelf("1.5"), cases, sink, clock, new Random(1)))
                .hasMessageContaining("unitWeightGrams");
    }

    @Test
    void zigbeeReadingsMatchTheZigbee2mqttFormat() {
        ClimateSensorSimulator sim = new ClimateSensorSimulator(sensor("COLD"), 5.0, sink, clock, new Random(4));
        for (int i = 0; i < 200; i++) {
            sim.report();
        }
        assertThat(topics).containsOnly("zigbee2mqtt/t-1");
        for (JsonNode j : sent) {
            assertThat(j.get("temperature").decimalValue().doubleValue()).isBetween(4.7, 5.3);
            assertThat(j.get("temperature").decimalValue().scale()).isEqualTo(2);
            assertThat(j.get("humidity").decimalValue().doubleValue()).isBetween(50.0, 70.0);
            assertThat(j.get("battery").asInt()).isBetween(80, 100);
            assertThat(j.get("voltage").asInt()).isEqualTo(2500 + 5 * j.get("battery").asInt());
            assertThat(j.get("linkquality").asInt()).isBetween(60, 119);
        }
        assertThat(PortalPayloadTest.shape(sent.get(0))).isEqualTo(PortalPayloadTest.shape(fixture("zigbee2mqtt_sensor_climate.json")));
    }

    @Test
    void anExcursionShiftsTheTemperature() {
        ClimateSensorSimulator sim = new ClimateSensorSimulator(sensor("COLD"), 5.0, sink, clock, new Random(4));
        sim.excursion(4.0);
        sim.report();
        assertThat(sent.get(0).get("temperature").asDouble()).isBetween(8.7, 9.3);
    }

    @Test
    void defaultSetpointsFollowTheZoneLimits() {
        assertThat(ClimateSensorSimulator.defaultSetpoint(new TemperatureLimits(2, 8, Duration.ofMinutes(15)))).isEqualTo(5.0);
        assertThat(ClimateSensorSimulator.defaultSetpoint(new TemperatureLimits(15, 30, Duration.ofMinutes(30)))).isEqualTo(21.0);
        assertThat(ClimateSensorSimulator.defaultSetpoint(new TemperatureLimits(-30, -18, Duration.ZERO))).isEqualTo(-22.0);
        assertThat(ClimateSensorSimulator.defaultSetpoint(null)).isEqualTo(21.0);
    }

    static JsonNode fixture(String name) {
        try {
            return PortalPayloadTest.fixture(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
