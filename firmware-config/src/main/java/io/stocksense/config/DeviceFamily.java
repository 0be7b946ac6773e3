package io.stocksense.config;

/** In YAML: {@code rfid-portal}, {@code smart-shelf}, {@code climate-sensor}, {@code scale}, {@code door}, {@code barcode}. */
public enum DeviceFamily {
    RFID_PORTAL, SMART_SHELF, CLIMATE_SENSOR, SCALE, DOOR, BARCODE;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
