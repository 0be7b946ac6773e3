package io.stocksense.cloud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A taken port: a clear error naming the variable, or (demo mode) a free port instead. */
class PortConflictIT {

    @TempDir
    Path dataDir;

    @Test
    void aTakenHttpPortFailsNamingTheVariable() throws Exception {
        try (ServerSocket taken = listen("0.0.0.0")) {
            CloudConfig config = new CloudConfig(taken.getLocalPort(), 0, dataDir, null, null, null, null, "pw-for-port-test",
                    List.of(), false);
            assertThatThrownBy(() -> CloudCore.start(config))
                    .isInstanceOf(CloudStartException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use; set STOCKSENSE_HTTP_PORT to a free port");
        }
    }

    @Test
    void aTakenMqttPortFailsNamingTheVariable() throws Exception {
        try (ServerSocket taken = listen("127.0.0.1")) {
            CloudConfig config = new CloudConfig(0, taken.getLocalPort(), dataDir, null, null, null, null, "pw-for-port-test",
                    List.of(), false);
            assertThatThrownBy(() -> CloudCore.start(config))
                    .isInstanceOf(CloudStartException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use; set STOCKSENSE_MQTT_PORT to a free port");
        }
    }

    @Test
    void withFallbackTakenPortsAreReplacedByFreeOnes() throws Exception {
        try (ServerSocket http = listen("0.0.0.0"); ServerSocket mqtt = listen("127.0.0.1")) {
            CloudConfig config = new CloudConfig(http.getLocalPort(), mqtt.getLocalPort(), dataDir, null, null, null, null,
                    "pw-for-port-test", List.of(), true);
            try (CloudCore core = CloudCore.start(config)) {
                assertThat(core.httpPort()).isPositive().isNotEqualTo(http.getLocalPort());
                assertThat(core.mqttPort()).isPositive().isNotEqualTo(mqtt.getLocalPort());
                assertThat(core.mqttUrl()).isEqualTo("tcp://127.0.0.1:" + core.mqttPort());
                assertThat(new RestClient(core.baseUrl()).get("/ready", null).statusCode()).isEqualTo(200);
            }
        }
    }

    private static ServerSocket listen(String host) throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
        return s;
    }
}
