package io.stocksense.launcher;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.config.Site;
import io.stocksense.config.SiteLoader;
import io.stocksense.edge.EdgeGateway;
import io.stocksense.edge.GatewayConfig;
import io.stocksense.sim.ScenarioResult;
import io.stocksense.sim.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * cloud-core and a gateway against the machine's own servers instead of the embedded ones: PostgreSQL
 * on 127.0.0.1:5432 (user postgres, trust auth) and Mosquitto on 127.0.0.1:1883. Skipped, saying so,
 * where those servers are absent. The site id and device topics get a random prefix so the test never
 * mixes with anything else talking to the same broker.
 */
class MachineServersInteropIT {

    static final String PG_HOST = "127.0.0.1";
    static final int PG_PORT = 5432;
    static final int MQTT_PORT = 1883;
    static final String PASSWORD = "interop-admin-password-1";

    @TempDir
    Path data;

    @Test
    void cloudAndGatewayRunAgainstMachinePostgresAndMosquitto() throws Exception {
        assumeThat(listening(PG_HOST, PG_PORT)).as("skipped: no PostgreSQL listening on %s:%d", PG_HOST, PG_PORT).isTrue();
        assumeThat(listening("127.0.0.1", MQTT_PORT)).as("skipped: no MQTT broker (Mosquitto) listening on 127.0.0.1:%d", MQTT_PORT).isTrue();

        String tag = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String adminUrl = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres?user=postgres";
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + tag);
        }
        try {
            Site site = SiteLoader.parse(isolated(Files.readString(WarehouseEndToEndIT.DEMO_SITE), tag), "demo-" + tag + ".yaml");
            Path siteFile = data.resolve("site.yaml");
            Files.writeString(siteFile, isolated(Files.readString(WarehouseEndToEndIT.DEMO_SITE), tag));
            String mosquitto = "tcp://127.0.0.1:" + MQTT_PORT;
            String dbUrl = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + tag + "?user=postgres";
            CloudConfig cfg = new CloudConfig(0, 0, data, dbUrl, null, null, mosquitto, PASSWORD, List.of(siteFile), false);
            try (CloudCore cloud = CloudCore.start(cfg);
                 EdgeGateway gateway = EdgeGateway.start(new GatewayConfig(site, "gw-1", mosquitto, mosquitto,
                         data.resolve("gateway"), 0, Duration.ofSeconds(5)))) {
                assertThat(cloud.mqttPort()).as("no embedded broker when STOCKSENSE_MQTT_URL is set").isEqualTo(-1);

                ScenarioResult result = new ScenarioRunner(site, mosquitto, 7).run("e2e");

                Map<String, BigDecimal> expected = Expectations.stock(result.expectedStockDelta());
                CloudApi api = new CloudApi(cloud.baseUrl(), "admin", PASSWORD);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.stockByKey()).isEqualTo(expected));
                assertThat(api.invariant().get("ok").asBoolean()).isTrue();
            }
            // The rows really are in the machine's PostgreSQL.
            try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM stock_ledger")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + tag + " WITH (FORCE)");
            }
        }
    }

    /** The demo site with its own site id and device topics, so a shared broker keeps runs apart. */
    static String isolated(String yaml, String tag) {
        return yaml.replace("site: demo", "site: " + tag)
                .replace("address: zebra/", "address: " + tag + "/zebra/")
                .replace("address: zigbee2mqtt/", "address: " + tag + "/zigbee2mqtt/")
                .replace("address: shelf/", "address: " + tag + "/shelf/");
    }

    static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
