package io.stocksense.config;

import java.util.Map;
import java.util.Objects;

/**
 * One device a gateway reads.
 *
 * @param address   where to read it: an MQTT topic (may contain {@code +}/{@code #}), a serial port,
 *                  an OPC UA endpoint, or a GPIO pin, depending on {@code transport}
 * @param codec     the vendor format's codec name, e.g. {@code zebra-iotc}
 * @param warehouse warehouse code
 * @param location  location code the device watches (portal, shelf slot), or null
 * @param zone      zone code the device measures (climate sensors), or null
 * @param portal    portal settings, only for {@link DeviceFamily#RFID_PORTAL}
 * @param shelf     shelf settings, only for {@link DeviceFamily#SMART_SHELF}
 * @param options   further transport- or codec-specific settings, as strings
 */
public record Device(String id, String gateway, DeviceFamily family, Transport transport, String address, String codec,
                     String warehouse, String location, String zone, PortalSettings portal, ShelfSettings shelf,
                     Map<String, String> options) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(transport, "transport");
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
