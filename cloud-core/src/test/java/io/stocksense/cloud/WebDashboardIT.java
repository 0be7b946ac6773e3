package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live dashboard in real headless Chromium against a real cloud-core (embedded PostgreSQL and
 * HiveMQ): sign in, a portal pass shows in the movement feed and the stock tile within 2 s without
 * a reload, a cold-room excursion raises an alarm that is acknowledged and cleared in the page (who
 * and when), and the page catches up after its live connection dropped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebDashboardIT extends CloudITSupport {

    @TempDir
    static Path browserDir;
    static Browser browser;
    static TestGateway gateway;
    static DroppingProxy network;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(browserDir, "en-GB");
        gateway = new TestGateway(core.mqttUrl());
        network = new DroppingProxy(java.net.URI.create(core.baseUrl()).getPort());
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(1)
    void signInShowsTheDashboard() {
        browser.open(network.url() + "/?lang=en");
        browser.signIn("admin", ADMIN_PASSWORD);
        awaitDashboard();
        assertThat(browser.text("#whoami")).isEqualTo("admin");
        assertThat(browser.all("#nav a").stream().map(a -> a.getAttribute("data-route")))
                .contains("dashboard", "reports/inventory", "reports/environment");
        // the demo site's devices and its climate zones with their limits
        assertThat(browser.all("#devices tr[data-device]")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(browser.text("#zones [data-zone=COLD] .limits")).contains("2").contains("8");
        await().atMost(Duration.ofSeconds(10)).until(() -> "live".equals(browser.textContent("#live-state")));
    }

    @Test
    @Order(2)
    void portalPassAppearsInFeedAndStockWithin2sWithoutReload() throws Exception {
        browser.js("window.__notReloaded = true");
        StockMovement pass = portalPass("portal-dock1", "DOCK-1", "INS-PEN-10", "3", "CS");
        long published = System.nanoTime();
        gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(TestGateway.nextSeq(), Json.MAPPER.valueToTree(pass)));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                !browser.all("#feed li[data-event-id='" + pass.eventId() + "']").isEmpty()
                        && "3".equals(browser.text("#stock-table tr[data-sku='INS-PEN-10'][data-location='DOCK-1'] .qty")));
        long millis = (System.nanoTime() - published) / 1_000_000;
        System.out.printf("portal pass visible in feed and stock tile after %d ms%n", millis);

        String item = browser.text("#feed li[data-event-id='" + pass.eventId() + "']");
        assertThat(item).contains("receipt").contains("+3 CS INS-PEN-10").contains("DOCK-1").contains("portal-dock1");
        assertThat(browser.js("return window.__notReloaded === true")).isEqualTo(true);
        assertThat(browser.text("#stock-table tr.group[data-group='WH1/DOCK/DOCK-1']")).isNotNull();
    }

    @Test
    @Order(3)
    void excursionAlarmIsAcknowledgedAndClearedInThePage() throws Exception {
        String token = adminToken();
        gateway.publish(Topics.Channel.TELEMETRY, TestGateway.batch(TestGateway.nextSeq(),
                TestGateway.telemetry("COLD", "temperature", 11.4, "CEL")));
        gateway.publish(Topics.Channel.EVENTS, TestGateway.batch(TestGateway.nextSeq(), Json.MAPPER.valueToTree(excursion())));

        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.all("#alarms li[data-alarm-id]").isEmpty());
        assertThat(browser.textContent("#zones [data-zone=COLD] .state")).isEqualTo("outside limits");
        String alarmId = browser.all("#alarms li[data-alarm-id]").get(0).getAttribute("data-alarm-id");
        String li = "#alarms li[data-alarm-id='" + alarmId + "']";
        assertThat(browser.text(li)).contains("COLD").contains("11.40").contains("8.00");
        browser.screenshot("dashboard-alarm");

        browser.driver.findElement(By.cssSelector(li + " button.ack")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.text(li + " .acked-by") != null
                && browser.text(li + " .acked-by").startsWith("acknowledged by admin"));
        JsonNode acked = rest.getJson("/api/v1/alarms?state=all", token);
        JsonNode alarm = find(acked, Long.parseLong(alarmId));
        assertThat(alarm.get("ackedBy").asText()).isEqualTo("admin");
        assertThat(alarm.get("state").asText()).isEqualTo("acknowledged");
        assertThat(Instant.parse(alarm.get("ackedAt").asText())).isAfter(Instant.now().minusSeconds(60));
        assertThat(browser.all(li + " button.ack")).isEmpty();
        browser.screenshot("dashboard");

        browser.driver.findElement(By.cssSelector(li + " button.clear")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.all(li).isEmpty());
        JsonNode cleared = find(rest.getJson("/api/v1/alarms?state=all", token), Long.parseLong(alarmId));
        assertThat(cleared.get("clearedBy").asText()).isEqualTo("admin");
        assertThat(cleared.get("state").asText()).isEqualTo("cleared");
        assertThat(rest.getJson("/api/v1/alarms", token).findValues("id")).noneMatch(id -> id.asText().equals(alarmId));
    }

    @Test
    @Order(4)
    void catchesUpAfterTheLiveConnectionDropped() throws Exception {
        network.cut(true);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> "offline".equals(browser.textContent("#live-state")));
            StockMovement pick = portalPass("shelf-a2", "SHELF-A2", "NUT-M8", "7", "EA");
            gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(TestGateway.nextSeq(), Json.MAPPER.valueToTree(pick)));
            await().atMost(Duration.ofSeconds(10)).until(() -> rest.getJson("/api/v1/stock?sku=NUT-M8", adminToken()).size() == 1);
            // nothing can reach the page while the network is down
            assertThat(browser.all("#stock-table tr[data-sku='NUT-M8']")).isEmpty();
        } finally {
            network.restore();
        }
        // EventSource reconnects by itself (retry 3 s); on reconnecting the page reloads what it missed
        await().atMost(Duration.ofSeconds(20)).until(() -> "live".equals(browser.textContent("#live-state"))
                && "7".equals(browser.text("#stock-table tr[data-sku='NUT-M8'][data-location='SHELF-A2'] .qty")));
        assertThat(browser.js("return window.__notReloaded === true")).isEqualTo(true);
    }

    @Test
    @Order(5)
    void aLiveReadingUpdatesOnlyItsDevicesRowInPlace() throws Exception {
        // mark every device row and watch the table for rows being added or removed
        browser.js("""
                const body = document.querySelector('#devices tbody');
                body.querySelectorAll('tr').forEach(tr => tr.__kept = true);
                window.__deviceRowsChanged = 0;
                new MutationObserver(rs => rs.forEach(r => { window.__deviceRowsChanged += r.addedNodes.length + r.removedNodes.length; }))
                  .observe(body, { childList: true });
                """);
        String otherBefore = browser.text("#devices tr[data-device='shelf-a4'] .seen");
        TelemetryPoint battery = new TelemetryPoint(UUID.randomUUID().toString(), null, "cold-sensor-1", TestGateway.nextSeq(), null,
                Instant.now(), ClockSync.SYNCED, "WH1", "COLD", "battery", 15, "P1");
        gateway.publish(Topics.Channel.TELEMETRY, TestGateway.batch(TestGateway.nextSeq(), Json.MAPPER.valueToTree(battery)));

        String row = "#devices tr[data-device='cold-sensor-1']";
        await().atMost(Duration.ofSeconds(5)).until(() -> "15 %".equals(browser.text(row + " .bat")));
        assertThat(browser.waitFor(row + " .bat").getAttribute("class")).contains("low");
        assertThat(browser.text(row + " .seen")).endsWith("s ago");
        assertThat(browser.js("return document.querySelector(arguments[0]).__kept === true", row)).isEqualTo(true);
        assertThat(browser.js("return [...document.querySelectorAll('#devices tbody tr')].every(tr => tr.__kept === true)")).isEqualTo(true);
        assertThat(browser.js("return window.__deviceRowsChanged")).isEqualTo(0L);
        assertThat(browser.text("#devices tr[data-device='shelf-a4'] .seen")).isEqualTo(otherBefore);
    }

    private static void awaitDashboard() {
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.all("#view-dashboard[data-loaded]").isEmpty()
                && browser.driver.findElement(By.id("view-dashboard")).isDisplayed());
    }

    /** A closed portal pass as the gateway's portal engine reports it: one RECEIPT with the items' EPCs. */
    static StockMovement portalPass(String device, String location, String sku, String quantity, String unit) {
        return new StockMovement(UUID.randomUUID().toString(), null, device, TestGateway.nextSeq(), Instant.now(), Instant.now(),
                ClockSync.SYNCED, MovementType.RECEIPT, "WH1", location,
                List.of(new MovementLine(sku, null, new BigDecimal(quantity), unit, null, List.of())),
                null, List.of());
    }

    /** What the gateway's zone alarm engine sends when the cold room stays above 8 °C past its delay. */
    static DeviceEvent excursion() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("warehouse", "WH1");
        a.put("zone", "COLD");
        a.put("value", "11.4");
        a.put("limit", "8.0");
        a.put("since", Instant.now().minusSeconds(900).toString());
        a.put("sensor", "cold-sensor-1");
        return new DeviceEvent(UUID.randomUUID().toString(), null, TestGateway.GATEWAY, TestGateway.nextSeq(), Instant.now(),
                Instant.now(), ClockSync.SYNCED, "alarm-raised", "critical",
                "zone COLD: 11.40 °C is above the limit 8.00 °C", a);
    }

    private static JsonNode find(JsonNode alarms, long id) {
        for (JsonNode a : alarms) {
            if (a.get("id").asLong() == id) {
                return a;
            }
        }
        throw new AssertionError("no alarm " + id + " in " + alarms);
    }
}
