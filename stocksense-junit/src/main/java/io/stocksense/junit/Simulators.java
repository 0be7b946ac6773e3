package io.stocksense.junit;

import io.stocksense.config.DeviceFamily;

/** The kinds of device a {@link StockSenseWarehouse} can simulate (those of its site that talk MQTT). */
public enum Simulators {
    /** RFID dock-door portals (Zebra IoT Connector, Impinj IoT Device Interface). */
    RFID_PORTALS(DeviceFamily.RFID_PORTAL),
    /** Smart-shelf load cells ({@code shelf-json}). */
    SMART_SHELVES(DeviceFamily.SMART_SHELF),
    /** Temperature/humidity sensors (Zigbee2MQTT, Tasmota, Shelly). */
    CLIMATE_SENSORS(DeviceFamily.CLIMATE_SENSOR);

    final DeviceFamily family;

    Simulators(DeviceFamily family) {
        this.family = family;
    }
}
