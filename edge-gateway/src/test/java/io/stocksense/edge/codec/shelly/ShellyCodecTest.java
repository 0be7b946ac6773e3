package io.stocksense.edge.codec.shelly;

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

class ShellyCodecTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:05Z");
    private final ShellyCodec codec = new ShellyCodec();

    private static Device sensor(Map<String, String> options) {
        return new Device("cold-shelly", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "shellies/ht-1/sensor/+", "shelly",
                "WH1", null, "COLD", null, null, options);
    }

    private DecodeResult decode(String topic, String fixture, Map<String, String> options) {
        return codec.decode(sensor(options), topic, bytes(fixture), NOW);
    }

    @Test
    void gen1TakesTheQuantityFromTheTopic() {
        assertThat(decode("shellies/ht-1/sensor/temperature", "shelly_ht_temperature.txt", Map.of()).readings())
                .containsExactly(new ClimateReading("cold-shelly", null, 4.75, null, null));
        assertThat(decode("shellies/ht-1/sensor/humidity", "shelly_ht_humidity.txt", Map.of()).readings())
                .containsExactly(new ClimateReading("cold-shelly", null, null, 58.5, null));
        assertThat(decode("shellies/ht-1/sensor/temperature", "shelly_ht_temperature.txt", Map.of("tempUnit", "F")).readings())
                .extracting(r -> ((ClimateReading) r).temperatureC()).containsExactly(-15.14);
    }

    @Test
    void gen1WithoutATopicOrWithAnUnknownOneIsRejected() {
        assertThat(codec.decode("cold-shelly", bytes("shelly_ht_temperature.txt"), NOW).rejections()).extracting(Rejection::reason)
                .containsExactly("a Shelly Gen1 value needs its topic (shellies/<id>/sensor/<quantity>)");
        assertThat(decode("shellies/ht-1/sensor/lux", "shelly_ht_temperature.txt", Map.of()).rejections()).extracting(Rejection::reason)
                .containsExactly("topic shellies/ht-1/sensor/lux carries no temperature, humidity or battery");
        assertThat(decode("shellies/ht-1/sensor/temperature", "shelly_ht_not-a-number.txt", Map.of()).rejections())
                .extracting(Rejection::reason).containsExactly("Shelly Gen1 temperature must be a plain number");
    }

    @Test
    void gen2NotifyStatusCarriesTemperatureHumidityBatteryAndTheDeviceTime() {
        DecodeResult r = decode("shellyplusht-c049ef8b3a44/events/rpc", "shelly_plusht_notify-status.json", Map.of());
        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new ClimateReading("cold-shelly", Instant.parse("2023-04-08T14:07:59.620Z"),
                4.8, 55.1, 86));
    }

    @Test
    void gen2OtherNotificationsDecodeToNothingAndBrokenOnesAreRejected() {
        DecodeResult event = decode("x/events/rpc", "shelly_plusht_notify-event.json", Map.of());
        assertThat(event.readings()).isEmpty();
        assertThat(event.rejections()).isEmpty();
        assertThat(event.ignored()).containsExactly("Shelly Gen2 method 'NotifyEvent' carries no sensor values");
        assertThat(decode("x/events/rpc", "shelly_plusht_wrong-types.json", Map.of()).rejections()).extracting(Rejection::reason)
                .containsExactly("temperature:0.tC must be a number, was \"n/a\"");
        assertThat(decode("x/events/rpc", "shelly_plusht_no-method.json", Map.of()).rejections()).extracting(Rejection::reason)
                .containsExactly("a Shelly Gen2 notification needs method and params");
    }
}
