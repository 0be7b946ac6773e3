package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An ingest commit reaches a live SSE client as movement, stock and telemetry events. */
class SseStreamIT extends CloudITSupport {

    @Test
    void ingestCommitsArePushedToTheStream() throws Exception {
        String token = adminToken();
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(core.baseUrl() + "/api/v1/stream?access_token=" + token)).GET().build();
        HttpResponse<java.util.stream.Stream<String>> response = rest.client().send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        var reader = Executors.newSingleThreadExecutor();
        CompletableFuture.runAsync(() -> response.body().forEach(lines::add), reader);
        try {
            // the hub subscribes before it says "connected", so nothing published after this is missed
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(": connected"));

            try (TestGateway gw = new TestGateway(core.mqttUrl())) {
                long seq = TestGateway.nextSeq();
                gw.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                        TestGateway.movement(MovementType.SHELF_PLACEMENT, "SHELF-A2", "NUT-M8", "6", "EA")));
                long seq2 = TestGateway.nextSeq();
                gw.publish(Topics.Channel.TELEMETRY, TestGateway.batch(seq2,
                        TestGateway.telemetry("COLD", "temperature", 9.25, "CEL")));
                gw.awaitAck(seq);
                gw.awaitAck(seq2);
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(dataOf(lines, "movement")).anySatisfy(m -> {
                    assertThat(m.get("movementType").asText()).isEqualTo("SHELF_PLACEMENT");
                    assertThat(m.get("location").asText()).isEqualTo("SHELF-A2");
                    assertThat(m.get("lines").get(0).get("sku").asText()).isEqualTo("NUT-M8");
                    assertThat(m.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("6");
                });
                assertThat(dataOf(lines, "stock")).anySatisfy(s -> {
                    assertThat(s.get("sku").asText()).isEqualTo("NUT-M8");
                    assertThat(s.get("location").asText()).isEqualTo("SHELF-A2");
                    assertThat(s.get("quantity").decimalValue()).isEqualByComparingTo("6");
                });
                assertThat(dataOf(lines, "telemetry")).anySatisfy(t -> {
                    assertThat(t.get("zone").asText()).isEqualTo("COLD");
                    assertThat(t.get("metric").asText()).isEqualTo("temperature");
                    assertThat(t.get("value").asDouble()).isEqualTo(9.25);
                });
            });
            JsonNode latest = rest.getJson("/api/v1/telemetry/latest", token);
            assertThat(latest).anySatisfy(t -> {
                assertThat(t.get("warehouse").asText()).isEqualTo("WH1");
                assertThat(t.get("zone").asText()).isEqualTo("COLD");
                assertThat(t.get("value").asDouble()).isEqualTo(9.25);
                assertThat(t.get("unit").asText()).isEqualTo("CEL");
                assertThat(t.get("deviceId").asText()).isEqualTo("sensor-COLD");
            });
        } finally {
            reader.shutdownNow();
            reader.awaitTermination(1, TimeUnit.SECONDS);
        }
    }

    @Test
    void theStreamNeedsAToken() {
        RestApiIT.assertProblem(rest.get("/api/v1/stream", null), 401);
        RestApiIT.assertProblem(rest.get("/api/v1/stream?access_token=bogus", null), 401);
    }

    /** The JSON payloads of the given SSE event name seen so far. */
    private static List<JsonNode> dataOf(List<String> lines, String event) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event: " + event) && lines.get(i + 1).startsWith("data: ")) {
                out.add(Json.MAPPER.readTree(lines.get(i + 1).substring(6)));
            }
        }
        return out;
    }
}
