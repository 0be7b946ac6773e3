package io.stocksense.examples;

import io.stocksense.junit.PlayedScenario;
import io.stocksense.junit.SimulatorHandle;
import io.stocksense.junit.StockSenseWarehouse;
import io.stocksense.junit.WarehouseClient;
import io.stocksense.junit.WarehouseInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an integrator writes: one annotation starts broker, PostgreSQL, cloud-core, the site's gateway
 * and its simulated devices; the test plays a scenario and checks the stock through the REST client.
 * Nothing here reaches past the extension's public API.
 */
@StockSenseWarehouse(site = "classpath:example-site.yaml")
class MorningDeliveryExampleIT {

    @Test
    void aDeliveryAndAPickEndUpInTheStockExactly(SimulatorHandle devices, WarehouseClient stock, WarehouseInfo where) {
        PlayedScenario played = devices.play(Path.of("src/test/resources/scenarios/morning-delivery.yaml"));

        assertThat(played.expectedStock()).containsEntry("WASHER-M8@BIN-7", new BigDecimal("42"));
        stock.awaitStock(played.expectedStock(), Duration.ofSeconds(90));

        BigDecimal cases = stock.quantity("FILTER-10", "GOODS-IN").add(stock.quantity("BELT-V", "GOODS-IN"));
        assertThat(cases).isEqualByComparingTo("24");
        assertThat(stock.quantity("WASHER-M8", "BIN-7")).isEqualByComparingTo("42");
        assertThat(stock.movements("WASHER-M8", 10)).extracting(WarehouseClient.Movement::movementType)
                .containsExactly("SHELF_PICK", "SHELF_PLACEMENT");
        assertThat(stock.invariantHolds()).isTrue();
        assertThat(stock.products()).extracting(WarehouseClient.Product::sku).contains("FILTER-10", "BELT-V", "WASHER-M8");
        assertThat(where.siteId()).isEqualTo("acme");
    }
}
