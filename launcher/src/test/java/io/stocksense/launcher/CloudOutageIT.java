package io.stocksense.launcher;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.cloud.broker.EmbeddedBroker;
import io.stocksense.config.Site;
import io.stocksense.config.SiteLoader;
import io.stocksense.edge.EdgeGateway;
import io.stocksense.edge.GatewayConfig;
import io.stocksense.sim.ScenarioResult;
import io.stocksense.sim.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cloud goes away (its HTTP server, database and broker all stop) while the devices keep
 * reporting to the site's own broker. The gateway must keep every event in its outbox and deliver it
 * once the cloud is back: nothing lost, nothing counted twice.
 */
class CloudOutageIT {

    static final String PASSWORD = "outage-admin-password-1";

    @TempDir
    Path data;

    @Test
    void gatewayBuffersWhileTheCloudIsDownAndNothingIsLostOrDoubled() throws Exception {
        Site site = SiteLoader.load(WarehouseEndToEndIT.DEMO_SITE);
        int cloudMqttPort = TestPorts.free();
        CloudConfig cloudConfig = new CloudConfig(0, cloudMqttPort, data.resolve("cloud-data"), null, null, null, null,
                PASSWORD, List.of(WarehouseEndToEndIT.DEMO_SITE), false);

        try (EmbeddedBroker siteBroker = EmbeddedBroker.start(data.resolve("site-broker"), "127.0.0.1", 0)) {
            String deviceMqtt = "tcp://127.0.0.1:" + siteBroker.port();
            CloudCore cloud = CloudCore.start(cloudConfig);
            try (EdgeGateway gateway = EdgeGateway.start(new GatewayConfig(site, "gw-1", cloud.mqttUrl(), deviceMqtt,
                    data.resolve("gateway"), 0, Duration.ofSeconds(3)))) {

                // 1. Normal operation: a pallet arrives and reaches the cloud.
                ScenarioResult before = new ScenarioRunner(site, deviceMqtt, 1).run("receive-pallet");
                CloudApi api = new CloudApi(cloud.baseUrl(), "admin", PASSWORD);
                Map<String, BigDecimal> expectedBefore = Expectations.stock(before.expectedStockDelta());
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.stockByKey()).isEqualTo(expectedBefore));

                // 2. The cloud stops; the devices keep reporting; the gateway must hold everything.
                cloud.close();
                ScenarioResult during = new ScenarioRunner(site, deviceMqtt, 2).run("e2e");
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.outboxDepth() > 0);
                long buffered = gateway.outboxDepth();
                assertThat(buffered).isPositive();

                // 3. The cloud comes back on the same data and broker port; the backlog drains exactly once.
                cloud = CloudCore.start(cloudConfig);
                CloudApi api2 = new CloudApi(cloud.baseUrl(), "admin", PASSWORD);
                Map<String, BigDecimal> expected = Expectations.stock(before.expectedStockDelta(), during.expectedStockDelta());
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(api2.stockByKey()).isEqualTo(expected));
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.outboxDepth() == 0);

                // Still exact after the gateway's resend timers had every chance to fire again.
                Thread.sleep(Duration.ofSeconds(4).toMillis());
                assertThat(api2.stockByKey()).isEqualTo(expected);
                assertThat(api2.invariant().get("ok").asBoolean()).isTrue();
            } finally {
                cloud.close();
            }
        }
    }
}
