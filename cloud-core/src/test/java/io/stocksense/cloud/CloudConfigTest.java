package io.stocksense.cloud;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudConfigTest {

    @Test
    void defaults() {
        CloudConfig c = CloudConfig.fromEnv(Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.mqttPort()).isEqualTo(1883);
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.cloudDir()).isEqualTo(Path.of("./data/cloud"));
        assertThat(c.dbUrl()).isNull();
        assertThat(c.mqttUrl()).isNull();
        assertThat(c.adminPassword()).isNull();
        assertThat(c.siteFiles()).isEmpty();
        assertThat(c.portFallback()).isFalse();
    }

    @Test
    void readsTheEnvironment() {
        CloudConfig c = CloudConfig.fromEnv(Map.of(
                "STOCKSENSE_HTTP_PORT", "0", "STOCKSENSE_MQTT_PORT", "11883", "STOCKSENSE_DATA_DIR", "/tmp/x",
                "STOCKSENSE_DB_URL", "jdbc:postgresql://db:5432/s?user=u", "STOCKSENSE_DB_PASSWORD", "pw",
                "STOCKSENSE_MQTT_URL", "tcp://broker:1883", "STOCKSENSE_ADMIN_PASSWORD", "secret-admin",
                "STOCKSENSE_SITE", "a.yaml, b.yaml,"));
        assertThat(c.httpPort()).isZero();
        assertThat(c.mqttPort()).isEqualTo(11883);
        assertThat(c.cloudDir()).isEqualTo(Path.of("/tmp/x/cloud"));
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/s?user=u");
        assertThat(c.dbPassword()).isEqualTo("pw");
        assertThat(c.mqttUrl()).isEqualTo("tcp://broker:1883");
        assertThat(c.siteFiles()).containsExactly(Path.of("a.yaml"), Path.of("b.yaml"));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> CloudConfig.fromEnv(Map.of("STOCKSENSE_HTTP_PORT", "eighty")))
                .hasMessageContaining("STOCKSENSE_HTTP_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> CloudConfig.fromEnv(Map.of("STOCKSENSE_MQTT_PORT", "70000")))
                .hasMessageContaining("STOCKSENSE_MQTT_PORT");
        assertThatThrownBy(() -> CloudConfig.fromEnv(Map.of("STOCKSENSE_DB_URL", "postgres://x?password=hunter2")))
                .hasMessageContaining("STOCKSENSE_DB_URL").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> CloudConfig.fromEnv(Map.of("STOCKSENSE_MQTT_URL", "mqtt://x")))
                .hasMessageContaining("STOCKSENSE_MQTT_URL");
    }

    @Test
    void toStringRedactsSecrets() {
        CloudConfig c = new CloudConfig(1, 2, Path.of("d"), "jdbc:postgresql://h/db?user=u&password=hunter2", "u", "pw-secret",
                "tcp://bob:mqttsecret@h:1883", "admin-secret", List.of(), true);
        assertThat(c.toString()).doesNotContain("hunter2", "pw-secret", "mqttsecret", "admin-secret")
                .contains("password=****", "user=u");
    }
}
