package io.stocksense.edge;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayConfigTest {

    @Test
    void defaults() {
        GatewayConfig c = GatewayConfig.fromEnv(TestSites.small(), "gw-1", Map.of());

        assertThat(c.uplinkMqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.deviceMqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.gatewayDir()).isEqualTo(Path.of("./data/gateways/gw-1"));
        assertThat(c.httpPort()).isEqualTo(8081);
        assertThat(c.ackTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void fromVariables() {
        GatewayConfig c = GatewayConfig.fromEnv(TestSites.small(), "gw-1", Map.of("STOCKSENSE_MQTT_URL", "tcp://cloud:1883",
                "STOCKSENSE_DEVICE_MQTT_URL", "tcp://local:1884", "STOCKSENSE_DATA_DIR", "/var/lib/ss",
                "STOCKSENSE_GATEWAY_HTTP_PORT", "0", "STOCKSENSE_GATEWAY_ACK_TIMEOUT", "PT3S"));

        assertThat(c.uplinkMqttUrl()).isEqualTo("tcp://cloud:1883");
        assertThat(c.deviceMqttUrl()).isEqualTo("tcp://local:1884");
        assertThat(c.gatewayDir()).isEqualTo(Path.of("/var/lib/ss/gateways/gw-1"));
        assertThat(c.httpPort()).isZero();
        assertThat(c.ackTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(GatewayConfig.fromEnv(TestSites.small(), "gw-1", Map.of("STOCKSENSE_MQTT_URL", "tcp://cloud:1883"))
                .deviceMqttUrl()).isEqualTo("tcp://cloud:1883");
    }

    @Test
    void badValuesAreClearErrorsWithoutSecrets() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(TestSites.small(), "gw-9", Map.of()))
                .hasMessage("gateway 'gw-9' is not in site 'demo'; its gateways are [gw-1]");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(TestSites.small(), "gw-1", Map.of("STOCKSENSE_GATEWAY_HTTP_PORT", "http")))
                .hasMessageContaining("STOCKSENSE_GATEWAY_HTTP_PORT must be a port number");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(TestSites.small(), "gw-1", Map.of("STOCKSENSE_MQTT_URL", "mqtt://u:s3cret@host")))
                .hasMessageContaining("STOCKSENSE_MQTT_URL").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(TestSites.small(), "gw-1", Map.of("STOCKSENSE_GATEWAY_HTTP_PORT", "70000")))
                .hasMessageContaining("must be 0-65535");
    }
}
