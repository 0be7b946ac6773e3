package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.cloud.telemetry.api.TelemetryView;
import io.stocksense.cloud.timeseries.InfluxSettings;
import io.stocksense.cloud.timeseries.InfluxTelemetrySink;
import io.stocksense.cloud.timeseries.InfluxdProcess;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The InfluxDB export against a real influxd (Debian's InfluxDB 1.x, started by the test on random ports):
 * telemetry ingested by cloud-core over MQTT is read back from influxd's own HTTP query API.
 */
class InfluxExportIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsInfluxd() {
        assumeTrue(InfluxdProcess.available(), "influxd not found at " + InfluxdProcess.BINARY
                + ": install the Debian package 'influxdb' (.ci/run does) to run the InfluxDB export test");
    }

    @Test
    void telemetryIngestedByCloudCoreIsWrittenToInfluxdAndReadBack() throws Exception {
        try (InfluxdProcess influxd = InfluxdProcess.start(dir.resolve("influxd"), InfluxdProcess.freePort())) {
            System.setProperty("STOCKSENSE_INFLUX_URL", influxd.url());
            System.setProperty("STOCKSENSE_INFLUX_DB", "stocksense_it");
            try (CloudCore core = CloudCore.start(CloudITSupport.config(dir.resolve("cloud")).withAdminPassword(CloudITSupport.ADMIN_PASSWORD));
                 TestGateway gw = new TestGateway(core.mqttUrl())) {
                long seq = TestGateway.nextSeq();
                gw.publish(Topics.Channel.TELEMETRY, TestGateway.batch(seq,
                        TestGateway.telemetry("COLD", "temperature", 4.25, "CEL"),
                        TestGateway.telemetry("COLD", "humidity", 57.5, "P1"),
                        TestGateway.telemetry("AMBIENT", "temperature", 21.0, "CEL")));
                assertThat(gw.awaitAck(seq).accepted()).isEqualTo(3);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(rows(influxd, "stocksense_it", "SELECT value, warehouse, zone, device, unit FROM temperature ORDER BY time")).hasSize(2));
                List<JsonNode> temperatures = rows(influxd, "stocksense_it", "SELECT value, warehouse, zone, device, unit FROM temperature ORDER BY time");
                assertThat(temperatures).extracting(r -> r.get(1).asDouble()).containsExactlyInAnyOrder(4.25, 21.0);
                assertThat(temperatures).anySatisfy(r -> {
                    assertThat(r.get(1).asDouble()).isEqualTo(4.25);
                    assertThat(r.get(2).asText()).isEqualTo("WH1");
                    assertThat(r.get(3).asText()).isEqualTo("COLD");
                    assertThat(r.get(4).asText()).isEqualTo("sensor-COLD");
                    assertThat(r.get(5).asText()).isEqualTo("CEL");
                });
                List<JsonNode> humidity = rows(influxd, "stocksense_it", "SELECT value, zone FROM humidity");
                assertThat(humidity).hasSize(1);
                assertThat(humidity.get(0).get(1).asDouble()).isEqualTo(57.5);
                assertThat(core.influxSink()).hasValueSatisfying(s -> assertThat(s.written()).isEqualTo(3));
            } finally {
                System.clearProperty("STOCKSENSE_INFLUX_URL");
                System.clearProperty("STOCKSENSE_INFLUX_DB");
            }
        }
    }

    @Test
    void whileInfluxdIsDownPointsWaitInABoundedBufferAndAreWrittenWhenItComes() throws Exception {
        int port = InfluxdProcess.freePort();
        InfluxSettings settings = InfluxSettings.of("http://127.0.0.1:" + port, "buffered").withBuffer(5, 5);
        try (InfluxTelemetrySink sink = InfluxTelemetrySink.start(settings)) {
            Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
            List<Boolean> accepted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                accepted.add(sink.offer(new TelemetryView("WH1", "COLD", "temperature", 3.0 + i, "CEL", "cold-sensor-1",
                        t0.plusSeconds(i))));
            }
            // 5 in the buffer, plus at most one batch of 5 the writer may already hold: 5 to 10 accepted of 20.
            long taken = accepted.stream().filter(a -> a).count();
            assertThat(taken).isBetween(5L, 10L);
            assertThat(sink.dropped()).isEqualTo(20 - taken);
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.failedWrites() >= 1);
            long expected = taken;

            try (InfluxdProcess influxd = InfluxdProcess.start(dir.resolve("late-influxd"), port)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> sink.written() == expected);
                List<JsonNode> rows = rows(influxd, "buffered", "SELECT count(value) FROM temperature");
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).get(1).asLong()).isEqualTo(expected);
                System.out.printf("InfluxDB export: %d points buffered while influxd was down (%d dropped, %d failed writes),"
                        + " all written after it started%n", expected, sink.dropped(), sink.failedWrites());
            }
        }
    }

    /** The rows of an InfluxQL query through influxd's HTTP API (not the client under test). */
    private static List<JsonNode> rows(InfluxdProcess influxd, String db, String q) throws Exception {
        String url = influxd.url() + "/query?db=" + db + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode values = Json.MAPPER.readTree(r.body()).at("/results/0/series/0/values");
        List<JsonNode> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }
}
