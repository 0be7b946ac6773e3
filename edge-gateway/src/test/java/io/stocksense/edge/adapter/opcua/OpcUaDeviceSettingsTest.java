package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpcUaDeviceSettingsTest {

    private static Device device(String address, String codec, Map<String, String> options) {
        return new Device("d", "gw-1", DeviceFamily.SMART_SHELF, Transport.OPCUA, address, codec, "WH1", "SHELF-A1", null,
                null, null, options);
    }

    private static final String URL = "opc.tcp://10.0.0.5:4840/scale";

    @Test
    void defaultsAreNoneSecurityAndHalfASecondPublishing() {
        OpcUaDeviceSettings s = OpcUaDeviceSettings.of(device(URL, "opc-ua-40200",
                Map.of("nodes.gross", "ns=2;s=Scale1/CurrentWeight/Gross", "nodes.stable", "ns=2;i=1002")));

        assertThat(s.kind()).isEqualTo(OpcUaDeviceSettings.Kind.SCALE);
        assertThat(s.nodes()).containsExactly(Map.entry(OpcUaDeviceSettings.Role.GROSS, "ns=2;s=Scale1/CurrentWeight/Gross"),
                Map.entry(OpcUaDeviceSettings.Role.STABLE, "ns=2;i=1002"));
        assertThat(s.securityPolicy()).isEqualTo("None");
        assertThat(s.securityMode()).isEqualTo("None");
        assertThat(s.publishingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.samplingInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.clientKey()).isEqualTo(URL + " [None/None]");
    }

    @Test
    void securedDefaultsToSignAndEncrypt() {
        OpcUaDeviceSettings s = OpcUaDeviceSettings.of(device(URL, "opc-ua-analog", Map.of("nodes.temperature", "ns=2;s=T",
                "securityPolicy", "Basic256Sha256", "publishingInterval", "2s")));

        assertThat(s.kind()).isEqualTo(OpcUaDeviceSettings.Kind.CLIMATE);
        assertThat(s.securityMode()).isEqualTo("SignAndEncrypt");
        assertThat(s.publishingInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void dottedOptionsOfOtherLayersAreLeftToThem() {
        OpcUaDeviceSettings s = OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gross", "ns=2;s=G",
                "shelf.stableReadings", "20")));

        assertThat(s.nodes()).containsOnlyKeys(OpcUaDeviceSettings.Role.GROSS);
    }

    @Test
    void mistakesNameTheFieldOrOption() {
        Map<String, String> gross = Map.of("nodes.gross", "ns=2;s=G");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device("tcp://host:4840", "opcua", gross)))
                .hasMessageContaining("address must be an OPC UA endpoint URL");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "shelf-json", gross)))
                .hasMessageContaining("codec 'shelf-json' is not an OPC UA information model");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gros", "ns=2;s=G"))))
                .hasMessageContaining("unknown option 'nodes.gros'");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gross", "Scale1/Gross"))))
                .hasMessageContaining("options.nodes.gross is not a NodeId");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opc-ua-analog", gross)))
                .hasMessageContaining("codec opc-ua-analog does not fit");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gross", "ns=2;s=G",
                "nodes.temperature", "ns=2;s=T")))).hasMessageContaining("mix scale nodes");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.stable", "ns=2;s=S"))))
                .hasMessageContaining("needs options.nodes.gross or options.nodes.net");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gross", "ns=2;s=G",
                "securityPolicy", "Basic128Rsa15")))).hasMessageContaining("options.securityPolicy must be None or Basic256Sha256");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gross", "ns=2;s=G",
                "securityMode", "Sign")))).hasMessageContaining("options.securityMode");
        assertThatThrownBy(() -> OpcUaDeviceSettings.of(device(URL, "opcua", Map.of("nodes.gross", "ns=2;s=G",
                "publishingInterval", "0ms")))).hasMessageContaining("options.publishingInterval must be a positive duration");
    }
}
