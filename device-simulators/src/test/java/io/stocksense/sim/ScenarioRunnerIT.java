package io.stocksense.sim;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulators against a real embedded HiveMQ broker, observed by a Paho client subscribed to {@code #}. */
class ScenarioRunnerIT {

    @TempDir
    static Path dir;
    static TestBroker broker;
    final Site site = DemoSite.load();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void e2eOverMqttCarriesFortyCasesShelfMovementsAndExactExpectations() throws Exception {
        try (TestBroker.Recorder recorder = broker.recorder()) {
            ScenarioResult result = new ScenarioRunner(site, broker.url(), 42).run("e2e");

            await().atMost(Duration.ofSeconds(20)).until(() -> recorder.traffic.all().size() >= result.messagesSent());
            assertThat(recorder.traffic.all()).hasSize((int) result.messagesSent());
            E2eTrafficCheck.verify(site, result, recorder.traffic);
            for (Device d : site.devices()) {
                assertThat(result.messagesPerDevice().get(d.id())).as(d.id()).isEqualTo(recorder.traffic.onTopic(d.address()).size());
            }
        }
    }

    @Test
    void e2eLeavesThePortalQuietBeforeItReturns() throws Exception {
        Device portal = DemoSite.devices(site, DeviceFamily.RFID_PORTAL).get(0);
        try (TestBroker.Recorder recorder = broker.recorder()) {
            new ScenarioRunner(site, broker.url(), 43).run("e2e");
            Instant returned = Instant.now();
            var reads = recorder.traffic.onTopic(portal.address());
            Instant lastRead = reads.get(reads.size() - 1).at();
            assertThat(Duration.between(lastRead, returned)).isGreaterThanOrEqualTo(portal.portal().quietPeriod());
        }
    }

    @Test
    void theDemoRunsUntilStoppedFromAnotherThread() throws Exception {
        try (TestBroker.Recorder recorder = broker.recorder()) {
            ScenarioRunner runner = new ScenarioRunner(site, broker.url(), 5);
            CompletableFuture<ScenarioResult> running = CompletableFuture.supplyAsync(() -> runner.run("demo"));

            // within seconds: shelves filled, a pallet in, climate readings flowing
            await().atMost(Duration.ofSeconds(20)).until(() -> recorder.traffic.onTopic("zigbee2mqtt/cold-room-1").size() >= 3
                    && !recorder.traffic.onTopic("zebra/fx9600-dock1/events").isEmpty());
            assertThat(running).isNotDone();
            runner.stop();
            ScenarioResult result = running.get(20, TimeUnit.SECONDS);

            assertThat(result.scenario()).isEqualTo("demo");
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.traffic.all().size() >= result.messagesSent());
            assertThat(recorder.traffic.all()).hasSize((int) result.messagesSent());
            assertThat(result.expectedStockDelta().keySet()).anyMatch(k -> k.location().equals("DOCK-1"));
            assertThat(recorder.traffic.stableWeights("shelf/SHELF-A1/weight").get(0)).isEqualByComparingTo("0");
        }
    }

    @Test
    void theCliPlaysAScenarioAndPrintsTheSummary() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = SimMain.run(new String[] {"--site", DemoSite.FILE.toString(), "--scenario", "temperatures", "--seed", "3"},
                broker.url(), new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("scenario temperatures: 15 messages").containsPattern("cold-sensor-1 +5")
                .contains("expected stock change").contains("none");
    }

    @Test
    void anUnreachableBrokerIsAClearCliFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var err = new java.io.ByteArrayOutputStream();
        int code = SimMain.run(new String[] {"--site", DemoSite.FILE.toString(), "--scenario", "e2e", "--mqtt", "tcp://127.0.0.1:" + port},
                null, new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), new java.io.PrintStream(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot connect to MQTT broker tcp://127.0.0.1:" + port);
    }
}
