package io.stocksense.config;

/** In YAML: {@code mqtt}, {@code serial}, {@code opcua}, {@code gpio}. */
public enum Transport {
    MQTT, SERIAL, OPCUA, GPIO;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
