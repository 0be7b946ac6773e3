package io.stocksense.edge.codec.zigbee2mqtt;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class Zigbee2MqttCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:01Z");
    private final Zigbee2MqttCodec codec = new Zigbee2MqttCodec();

    private DecodeResult decode(String fixture) {
        return codec.decode("cold-1", bytes(fixture), NOW);
    }

    @Test
    void decodesNumbers() {
        assertThat(decode("zigbee2mqtt_sensor_numbers.json").readings())
                .containsExactly(new ClimateReading("cold-1", null, 4.75, 55.4, 86));
    }

    @Test
    void decodesNumbersSentAsStringsByOldFirmware() {
        DecodeResult r = decode("zigbee2mqtt_sensor_strings.json");

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new ClimateReading("cold-1", Instant.parse("2026-11-23T10:00:00Z"), 4.75, 55.4, 86));
    }

    @Test
    void keepsMissingValuesNullAndReadsEpochLastSeen() {
        assertThat(decode("zigbee2mqtt_sensor_partial.json").readings())
                .containsExactly(new ClimateReading("cold-1", Instant.ofEpochMilli(1795428000000L), -19.2, null, null));
    }

    @Test
    void rejectsBrokenInputWithReasons() {
        assertThat(reason("zigbee2mqtt_sensor_wrong-types.json")).isEqualTo("temperature must be a number or a numeric string, was \"warm\"");
        assertThat(reason("zigbee2mqtt_sensor_no-values.json")).isEqualTo("no temperature, humidity or battery in the state");
        assertThat(reason("zigbee2mqtt_sensor_array.json")).isEqualTo("zigbee2mqtt state must be one JSON object");
        assertThat(reason("zigbee2mqtt_sensor_truncated.json")).startsWith("not valid JSON");
        assertThat(reason("zigbee2mqtt_sensor_empty.txt")).isEqualTo("payload is empty");
    }

    private String reason(String fixture) {
        DecodeResult r = decode(fixture);
        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).hasSize(1);
        return r.rejections().get(0).reason();
    }

    @Test
    void excerptIsCutAndPrintable() {
        String longInput = "x".repeat(500) + "\n";
        assertThat(Rejection.excerpt(longInput)).hasSize(Rejection.MAX_EXCERPT + 3).endsWith("...");
        assertThat(Rejection.excerpt("a\u0001b")).isEqualTo("a\u00b7b");
    }
}
