package io.stocksense.config;

/**
 * In YAML: {@code rfid-portal}, {@code smart-shelf}, {@code climate-sensor}, {@code scale}, {@code door},
 * {@code barcode}, {@code signal}. A {@code signal} is an output the gateway drives (a stack light or a
 * buzzer on a GPIO pin), not a sensor: it produces no readings.
 */
public enum DeviceFamily {
    RFID_PORTAL, SMART_SHELF, CLIMATE_SENSOR, SCALE, DOOR, BARCODE, SIGNAL;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
