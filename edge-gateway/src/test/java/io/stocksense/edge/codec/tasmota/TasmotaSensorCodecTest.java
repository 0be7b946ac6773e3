package io.stocksense.edge.codec.tasmota;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class TasmotaSensorCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:05Z");
    private final TasmotaSensorCodec codec = new TasmotaSensorCodec();

    private static Device sensor(Map<String, String> options) {
        return new Device("cold-tasmota", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "tele/cold/SENSOR", "tasmota",
                "WH1", null, "COLD", null, null, options);
    }

    private DecodeResult decode(String fixture, Map<String, String> options) {
        return codec.decode(sensor(options), "tele/cold/SENSOR", bytes(fixture), NOW);
    }

    @Test
    void readsTheDriverObjectAndTheLocalTimeInTheConfiguredZone() {
        DecodeResult r = decode("tasmota_am2301_sensor.json", Map.of("timeZone", "Europe/Berlin"));
        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(
                new ClimateReading("cold-tasmota", Instant.parse("2025-12-31T23:00:00Z"), 4.6, 58.2, null));
    }

    @Test
    void withoutATimeZoneOptionTheGatewaysSystemZoneIsUsed() {
        DecodeResult r = decode("tasmota_am2301_sensor.json", Map.of());
        Instant expected = java.time.LocalDateTime.parse("2026-01-01T00:00:00").atZone(java.time.ZoneId.systemDefault()).toInstant();
        assertThat(r.readings()).extracting(x -> x.deviceTime()).containsExactly(expected);
    }

    @Test
    void everySensorObjectIsAReadingAndFahrenheitIsConverted() {
        DecodeResult r = decode("tasmota_multi_fahrenheit.json", Map.of("timeZone", "UTC"));
        assertThat(r.rejections()).isEmpty();
        Instant t = Instant.parse("2026-07-01T12:30:00Z");
        assertThat(r.readings()).containsExactly(new ClimateReading("cold-tasmota", t, 4.5, 40.0, null),
                new ClimateReading("cold-tasmota", t, 4.0, null, null));
    }

    @Test
    void brokenPayloadsAreRejectedWithAReason() {
        assertThat(decode("tasmota_am2301_wrong-types.json", Map.of()).rejections()).extracting(Rejection::reason)
                .containsExactly("AM2301: Temperature and Humidity must be numbers");
        assertThat(decode("tasmota_plug_no-sensor.json", Map.of()).rejections()).extracting(Rejection::reason)
                .containsExactly("no sensor object with Temperature or Humidity");
        assertThat(decode("tasmota_am2301_truncated.json", Map.of()).rejections()).singleElement()
                .satisfies(x -> assertThat(x.reason()).startsWith("not valid JSON"));
        assertThat(decode("tasmota_am2301_bad-time.json", Map.of()).rejections()).singleElement()
                .satisfies(x -> assertThat(x.reason()).startsWith("Time must be a local date-time"));
        assertThat(decode("tasmota_am2301_sensor.json", Map.of("timeZone", "Mars/Olympus")).rejections()).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("timeZone 'Mars/Olympus'"));
        assertThat(decode("tasmota_am2301_wrong-types.json", Map.of()).readings()).isEmpty();
    }
}
