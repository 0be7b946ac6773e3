package io.stocksense.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.config.Site;
import io.stocksense.config.SiteLoader;
import io.stocksense.edge.EdgeGateway;
import io.stocksense.sim.ScenarioResult;
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
 * The walking skeleton end to end, in one JVM: embedded PostgreSQL and broker inside cloud-core, the
 * demo site's gateway, and the simulators playing the {@code e2e} scenario (40 tagged cases through
 * the dock portal, shelf placements and 3 picks). The cloud must then hold exactly that stock, and
 * its levels must equal its ledger sums.
 */
class WarehouseEndToEndIT {

    static final Path DEMO_SITE = Path.of("../firmware-config/sites/demo.yaml");
    static final String PASSWORD = "e2e-admin-password-1";

    @TempDir
    Path data;

    @Test
    void taggedCasesAndShelfPicksArriveExactlyOnce() throws Exception {
        Site site = SiteLoader.load(DEMO_SITE);
        CloudConfig cloudConfig = new CloudConfig(0, 0, data, null, null, null, null, PASSWORD, List.of(DEMO_SITE), false);
        try (LocalWarehouse warehouse = LocalWarehouse.start(cloudConfig, site, "gw-1",
                data.resolve("gateways/gw-1"), 0, Duration.ofSeconds(5))) {
            CloudCore cloud = warehouse.cloud();
            EdgeGateway gateway = warehouse.gateway();

            ScenarioResult result = warehouse.simulators(42).run("e2e");

            assertThat(Expectations.receivedAt(result.expectedStockDelta(), "DOCK-1")).isEqualByComparingTo("40");

            Map<String, BigDecimal> expected = Expectations.stock(result.expectedStockDelta());
            CloudApi api = new CloudApi(cloud.baseUrl(), "admin", PASSWORD);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(api.stockByKey()).isEqualTo(expected));
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.outboxDepth() == 0);

            assertThat(api.invariant().get("ok").asBoolean()).isTrue();
            assertThat(api.invariant().get("differences")).isEmpty();
            JsonNode ledger = api.get("/api/v1/movements?limit=1000");
            BigDecimal received = BigDecimal.ZERO;
            int pickRows = 0;
            for (JsonNode row : ledger) {
                String type = row.get("movementType").asText();
                if ("RECEIPT".equals(type)) {
                    received = received.add(row.get("quantity").decimalValue());
                } else if ("SHELF_PICK".equals(type)) {
                    pickRows++;
                    assertThat(row.get("quantity").decimalValue()).isNegative();
                }
            }
            assertThat(received).isEqualByComparingTo("40");
            assertThat(pickRows).isEqualTo(3);
        }
    }
}
