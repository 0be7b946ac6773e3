package io.stocksense.edge.codec.genericjson;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericJsonCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:05Z");
    private final GenericJsonCodec codec = new GenericJsonCodec();

    private DecodeResult decode(String fixture, Map<String, String> options) {
        Device d = new Device("acme-1", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "acme/1", "generic-json",
                "WH1", null, "COLD", null, null, options);
        return codec.decode(d, "acme/1", bytes(fixture), NOW);
    }

    private static final Map<String, String> CLIMATE = Map.of("json.temperature", "$.data.temp", "json.humidity", "$.data.rh",
            "json.time", "$.ts", "json.scale", "0.1");

    @Test
    void mapsConfiguredPathsScaledWithTheDeviceTime() {
        DecodeResult r = decode("generic-json_acme_climate.json", CLIMATE);
        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new ClimateReading("acme-1", Instant.parse("2026-01-01T00:00:00Z"), 4.7, 55.1, null));
    }

    @Test
    void weightsWithAPerQuantityScaleAndStability() {
        DecodeResult r = decode("generic-json_acme_weights.json", Map.of("json.weight", "w", "json.weight.scale", "1000",
                "json.stable", "$.st", "json.time", "$.ts"));
        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).hasSize(2);
        WeightReading first = (WeightReading) r.readings().get(0);
        assertThat(first.grams()).isEqualByComparingTo(new BigDecimal("1005"));
        assertThat(first.stable()).isTrue();
        assertThat(first.deviceTime()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(((WeightReading) r.readings().get(1)).stable()).isFalse();
    }

    @Test
    void missingPathsWrongTypesAndNoMappingAreRejectedWithTheirPath() {
        assertThat(decode("generic-json_acme_missing.json", CLIMATE).rejections()).extracting(Rejection::reason)
                .containsExactly("path $.data.temp is missing from the payload");
        assertThat(decode("generic-json_acme_wrong-types.json", CLIMATE).rejections()).extracting(Rejection::reason)
                .containsExactly("json.temperature path $.data.temp holds no number: {\"v\":4.5}");
        assertThat(decode("generic-json_acme_climate.json", Map.of()).rejections()).singleElement()
                .satisfies(x -> assertThat(x.reason()).startsWith("device acme-1 maps nothing: set options json.temperature"));
        assertThat(decode("generic-json_acme_climate.json", Map.of("json.temperature", "$.data..temp")).rejections())
                .extracting(Rejection::reason).containsExactly("path '$.data..temp': '' is not a member name with optional [index]");
        assertThat(decode("zigbee2mqtt_sensor_truncated.json", CLIMATE).rejections()).singleElement()
                .satisfies(x -> assertThat(x.reason()).isNotBlank());
    }

    @Test
    void dottedPathsFollowMembersAndIndexes() throws Exception {
        var root = io.stocksense.protocol.Json.MAPPER.readTree("{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]}}");
        assertThat(DottedPath.parse("$.a.b[1].c").find(root).asInt()).isEqualTo(2);
        assertThat(DottedPath.parse("a.b[0].c").find(root).asInt()).isEqualTo(1);
        assertThat(DottedPath.parse("$.a.x").find(root)).isNull();
        assertThat(DottedPath.parse("$.a.b[5]").find(root)).isNull();
        assertThatThrownBy(() -> DottedPath.parse("$.a[*]")).hasMessageContaining("'a[*]' is not a member name");
    }
}
