package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Gateway;
import io.stocksense.config.Location;
import io.stocksense.config.LocationKind;
import io.stocksense.config.PortalSettings;
import io.stocksense.config.Product;
import io.stocksense.config.ShelfSettings;
import io.stocksense.config.Site;
import io.stocksense.config.TemperatureLimits;
import io.stocksense.config.Transport;
import io.stocksense.config.Warehouse;
import io.stocksense.config.Zone;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small site like the demo one, built in code. */
public final class TestSites {

    public static final String INSULIN_GTIN = "04012345123456";
    public static final String VACCINE_GTIN = "04012345123463";

    private TestSites() {
    }

    public static Site small() {
        return small(List.of());
    }

    public static Site small(List<Device> extraDevices) {
        return small(extraDevices, new TemperatureLimits(2, 8, Duration.ofMinutes(15)));
    }

    /** The small site with the cold room's limits given (e.g. seconds-long delays for integration tests). */
    public static Site small(List<Device> extraDevices, TemperatureLimits coldLimits) {
        List<Product> products = List.of(
                new Product("INS-PEN-10", "Insulin pens, box of 10", INSULIN_GTIN, 7, "CS", null),
                new Product("VAC-FLU-5", "Flu vaccine, 5 vials", VACCINE_GTIN, 7, "CS", null),
                new Product("BOLT-M8", "Hex bolt M8x40", "04012345300017", 7, "EA", new BigDecimal("33.5")));
        Warehouse wh = new Warehouse("WH1", "Main warehouse",
                List.of(new Zone("DOCK", "Dock", null),
                        new Zone("COLD", "Cold room", coldLimits)),
                List.of(new Location("DOCK-1", "Dock door 1", "DOCK", LocationKind.DOCK),
                        new Location("SHELF-A1", "Smart shelf A1", "COLD", LocationKind.SHELF_SLOT)));
        List<Device> devices = new java.util.ArrayList<>(List.of(portal(), shelf(), coldSensor()));
        devices.addAll(extraDevices);
        return new Site("demo", "Test site", products, List.of(wh), List.of(new Gateway("gw-1", "Gateway 1", "WH1")), devices);
    }

    public static Device portal() {
        return new Device("portal-dock1", "gw-1", DeviceFamily.RFID_PORTAL, Transport.MQTT, "zebra/fx9600-dock1/events",
                "zebra-iotc", "WH1", "DOCK-1", null, new PortalSettings(1, 2, Duration.ofSeconds(2), -75.0), null, Map.of());
    }

    public static Device shelf() {
        return new Device("shelf-a1", "gw-1", DeviceFamily.SMART_SHELF, Transport.MQTT, "shelf/SHELF-A1/weight",
                "shelf-json", "WH1", "SHELF-A1", null, null, new ShelfSettings("BOLT-M8", new BigDecimal("8")), Map.of());
    }

    public static Device coldSensor() {
        return new Device("cold-sensor-1", "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "zigbee2mqtt/cold-room-1",
                "zigbee2mqtt", "WH1", null, "COLD", null, null, Map.of());
    }
}
