package io.stocksense.edge.adapter.serial;

import io.stocksense.config.Device;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.ReadingSink;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's serial devices: one {@link SerialPortReader} thread per port. A device with an
 * unknown codec, no port path or a bad option is OFFLINE with {@code CONFIGURATION_ERROR} (the
 * message names the option and its allowed values) and is never opened; the others are unaffected.
 */
public final class SerialDeviceAdapter implements DeviceAdapter {

    private final List<SerialPortReader> readers = new ArrayList<>();

    public SerialDeviceAdapter(List<Device> devices, CodecRegistry codecs, DeviceStatusBoard status, ReadingSink sink,
                               Clock clock) {
        for (Device d : devices) {
            if (status.hasConfigurationError(d.id())) {
                continue;
            }
            String problem = null;
            Optional<DeviceCodec> codec = codecs.find(d.codec());
            SerialOptions options = null;
            if (codec.isEmpty()) {
                problem = "unknown codec '" + d.codec() + "'; this gateway knows " + codecs.names();
            } else if (d.address() == null || d.address().isBlank()) {
                problem = "no serial port path in address (use /dev/serial/by-id/...)";
            } else {
                try {
                    options = SerialOptions.parse(d.options());
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                status.offline(d.id(), DeviceStatus.Reason.CONFIGURATION_ERROR, problem);
            } else {
                status.offline(d.id(), DeviceStatus.Reason.NOT_STARTED, "port " + d.address() + " not opened yet");
                readers.add(new SerialPortReader(d, codec.get(), options, status, sink, clock));
            }
        }
    }

    @Override
    public void start() {
        readers.forEach(SerialPortReader::start);
    }

    @Override
    public void close() {
        readers.forEach(SerialPortReader::close);
    }
}
