package io.stocksense.edge.adapter.serial;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration checks only: nothing here opens a port (start() is never called). */
class SerialDeviceAdapterTest {

    private static Device scale(String id, String codec, String address, Map<String, String> options) {
        return new Device(id, "gw-1", DeviceFamily.SCALE, Transport.SERIAL, address, codec, "WH1", null, null, null, null, options);
    }

    @Test
    void aBadOptionUnknownCodecOrMissingPortIsAConfigurationErrorForThatDeviceOnly() {
        DeviceStatusBoard status = new DeviceStatusBoard(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        List<Device> devices = List.of(
                scale("good", "mt-sics", "/dev/serial/by-id/usb-scale", Map.of("mode", "poll")),
                scale("bad-parity", "mt-sics", "/dev/ttyUSB1", Map.of("parity", "mark")),
                scale("bad-codec", "acme-scale", "/dev/ttyUSB2", Map.of()),
                scale("no-port", "mt-sics", " ", Map.of()));

        try (SerialDeviceAdapter adapter = new SerialDeviceAdapter(devices, CodecRegistry.load(), status, (d, c, p, r, t) -> { },
                Clock.systemUTC())) {
            assertThat(status.get("good").reason()).isEqualTo(DeviceStatus.Reason.NOT_STARTED);
            assertThat(status.get("bad-parity")).extracting(DeviceStatus::state, DeviceStatus::reason, DeviceStatus::detail)
                    .containsExactly(DeviceStatus.State.OFFLINE, DeviceStatus.Reason.CONFIGURATION_ERROR,
                            "option parity must be one of none, even, odd, was 'mark'");
            assertThat(status.get("bad-codec").detail()).startsWith("unknown codec 'acme-scale'");
            assertThat(status.get("no-port").detail()).startsWith("no serial port path in address");
        }
    }
}
