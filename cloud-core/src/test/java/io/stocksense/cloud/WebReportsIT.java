package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Report pages in real headless Chromium: the movements report is exported to CSV (the downloaded
 * file is read back), the environment report shows MKT per zone, and the whole app in zh-CN shows
 * no label left in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebReportsIT extends CloudITSupport {

    @TempDir
    static Path browserDir;
    static Browser browser;

    @BeforeAll
    static void seedAndStartBrowser() throws Exception {
        try (TestGateway gw = new TestGateway(core.mqttUrl())) {
            long seq = TestGateway.nextSeq();
            gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                    TestGateway.movement(MovementType.RECEIPT, "DOCK-1", "VAC-FLU-5", "12", "CS"),
                    TestGateway.movement(MovementType.SHELF_PLACEMENT, "SHELF-A3", "GLOVE-L", "4", "BX")));
            long seq2 = TestGateway.nextSeq();
            gw.publish(Topics.Channel.TELEMETRY, TestGateway.batch(seq2,
                    TestGateway.telemetry("COLD", "temperature", 4.0, "CEL"),
                    TestGateway.telemetry("COLD", "temperature", 6.0, "CEL")));
            gw.awaitAck(seq);
            gw.awaitAck(seq2);
        }
        browser = Browser.start(browserDir, "en-GB");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void movementsReportIsExportedToCsv() throws Exception {
        browser.open(core.baseUrl() + "/?lang=en#/reports/inventory?report=movements");
        browser.signIn("admin", ADMIN_PASSWORD);
        awaitReport("movements");
        assertThat(browser.all("#report-table tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        browser.screenshot("report-inventory-movements");

        browser.driver.findElement(By.id("report-csv")).click();
        Path csv = await().atMost(Duration.ofSeconds(15)).until(() -> downloaded("stocksense-movements-"), p -> p != null);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("\uFEFFDay,Type,In,Out,Ledger rows");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:]+Z,RECEIPT,12,0,1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:]+Z,SHELF_PLACEMENT,4,0,1"));
    }

    @Test
    @Order(2)
    void environmentReportShowsMktPerZone() throws Exception {
        browser.driver.get(core.baseUrl() + "/#/reports/environment");
        awaitReport("environment");
        String cold = browser.all("#report-table tbody tr").stream().map(r -> r.getText())
                .filter(t -> t.startsWith("WH1 COLD")).findFirst().orElseThrow();
        // MKT of 4 °C and 6 °C: 10000 / -ln((e^(-10000/277.15) + e^(-10000/279.15)) / 2) - 273.15 = 5.06 °C
        assertThat(cold).contains("5.06").contains("2").contains("8");
        browser.screenshot("report-environment");
    }

    @Test
    @Order(3)
    void zhCnPageShowsNoUntranslatedLabel() throws Exception {
        browser.driver.get(core.baseUrl() + "/?lang=zh-CN#/dashboard");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.all("#view-dashboard[data-loaded]").isEmpty());
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("zh-CN");
        Map<String, Object> check = browser.untranslatedLabels();
        assertThat((List<?>) check.get("missingKeys")).as("data-i18n keys without a zh-CN text").isEmpty();
        assertThat((List<?>) check.get("english")).as("visible elements still in English").isEmpty();
        assertThat(((Number) check.get("checked")).intValue()).isGreaterThan(30);
        assertThat(browser.textContent("#nav a[data-route=dashboard]")).isEqualTo("仪表板");
        browser.screenshot("dashboard-zh-CN");
        // the choice is remembered for the user
        assertThat(rest.getJson("/api/v1/me", adminToken()).get("lang").asText()).isEqualTo("zh-CN");

        browser.driver.get(core.baseUrl() + "/#/reports/inventory");
        awaitReport("levels");
        check = browser.untranslatedLabels();
        assertThat((List<?>) check.get("english")).as("report page elements still in English").isEmpty();
        JsonNode me = rest.getJson("/api/v1/me", adminToken());
        assertThat(me.get("permissions").get(0).asText()).isEqualTo("*");
    }


    private static void awaitReport(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.all("#view-reports[data-state=ready][data-report='" + key + "']").isEmpty());
    }

    private static Path downloaded(String prefix) throws java.io.IOException {
        try (Stream<Path> files = Files.list(browser.downloads)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".csv"))
                    .findFirst().orElse(null);
        }
    }
}
