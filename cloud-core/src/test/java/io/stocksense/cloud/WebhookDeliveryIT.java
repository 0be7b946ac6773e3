package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.stocksense.cloud.webhooks.WebhookSignature;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end on a real cloud-core: a subscription made through the REST API, an alert or a document
 * raised through the REST API, and a real local HTTP receiver (the JDK's HttpServer) that checks every signature
 * and fails the first attempts. The retry back-off starts at 1 s here ({@code STOCKSENSE_WEBHOOK_RETRY_INITIAL}).
 */
class WebhookDeliveryIT {

    private static final String SECRET = "receiver-shared-secret-0123456789";
    private static final String[] PROPERTIES = {"STOCKSENSE_WEBHOOK_RETRY_INITIAL", "STOCKSENSE_WEBHOOK_RETRY_MAX"};

    @TempDir
    static Path dataDir;
    static CloudCore core;
    static RestClient rest;

    private final Receiver receiver = new Receiver();

    /** One request the receiver got: when (ms), the event id header, the body, and whether the signature held. */
    record Hit(long atMillis, String delivery, String event, String body, boolean signed) {
    }

    /** A local HTTP server that answers 500 to the first {@code failures} requests and 200 afterwards. */
    static final class Receiver implements AutoCloseable {
        final List<Hit> hits = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final HttpServer server;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/hook", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
                hits.add(new Hit(System.currentTimeMillis(), exchange.getRequestHeaders().getFirst("X-StockSense-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-StockSense-Event"), body,
                        WebhookSignature.verify(SECRET, signature, body)));
                int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                byte[] answer = (status == 200 ? "ok" : "receiver not ready").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeAll
    static void start() {
        System.setProperty(PROPERTIES[0], "PT1S");
        System.setProperty(PROPERTIES[1], "PT8S");
        core = CloudCore.start(CloudITSupport.config(dataDir).withAdminPassword(CloudITSupport.ADMIN_PASSWORD));
        rest = new RestClient(core.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (core != null) {
            core.close();
        }
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static String token() {
        return rest.token("admin", CloudITSupport.ADMIN_PASSWORD);
    }

    private long subscribe(String token, String event) {
        HttpResponse<String> r = rest.request("POST", "/api/v1/webhooks", token,
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"" + event + "\"],\"secret\":\"" + SECRET + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(SECRET);
        return RestClient.json(r).get("id").asLong();
    }

    @Test
    void alertIsDeliveredSignedAfterTwoFailuresWithGrowingBackoff() throws IOException {
        String token = token();
        receiver.failuresLeft.set(2);
        long id = subscribe(token, "alert.raised");

        // A shelf count that disagrees with the ledger raises a variance alert.
        HttpResponse<String> observed = rest.request("POST", "/api/v1/observations", token, "{\"kind\":\"shelf-count\","
                + "\"deviceId\":\"shelf-a3\",\"sku\":\"GLOVE-L\",\"warehouse\":\"WH1\",\"location\":\"SHELF-A3\",\"count\":7}");
        assertThat(observed.statusCode()).as(observed.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.hits.size() >= 3);
        List<Hit> hits = List.copyOf(receiver.hits);
        assertThat(hits).hasSize(3);
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.signed()).as("signature of %s", h.body()).isTrue();
            assertThat(h.event()).isEqualTo("alert.raised");
            assertThat(h.delivery()).isEqualTo(hits.get(0).delivery());
            assertThat(h.body()).isEqualTo(hits.get(0).body());
        });
        assertThat(WebhookSignature.verify("some-other-secret-0123456789", "t=1,v1=" + "0".repeat(64), hits.get(0).body())).isFalse();
        JsonNode body = Json.MAPPER.readTree(hits.get(0).body());
        assertThat(body.get("type").asText()).isEqualTo("alert.raised");
        assertThat(body.get("id").asText()).isEqualTo(hits.get(0).delivery());
        assertThat(body.at("/data/kind").asText()).isEqualTo("variance");
        assertThat(body.at("/data/sku").asText()).isEqualTo("GLOVE-L");
        long firstGap = hits.get(1).atMillis() - hits.get(0).atMillis();
        long secondGap = hits.get(2).atMillis() - hits.get(1).atMillis();
        System.out.printf("webhook retry gaps: %d ms, %d ms (back-off 1 s, 2 s)%n", firstGap, secondGap);
        assertThat(firstGap).isGreaterThanOrEqualTo(1000);
        assertThat(secondGap).isGreaterThanOrEqualTo(2000);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode log = rest.getJson("/api/v1/webhooks/" + id + "/deliveries", token);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asText()).isEqualTo("delivered");
            assertThat(log.get(0).get("attempts").asInt()).isEqualTo(3);
            assertThat(log.get(0).get("attemptLog")).extracting(a -> a.get("httpStatus").asInt()).containsExactly(500, 500, 200);
            assertThat(log.get(0).at("/attemptLog/0/error").asText()).isEqualTo("HTTP 500: receiver not ready");
        });
        assertThat(rest.getJson("/api/v1/webhooks", token).toString()).contains(receiver.url()).doesNotContain(SECRET);
    }

    @Test
    void pendingDeliveriesSurviveARestart() {
        String token = token();
        receiver.failuresLeft.set(Integer.MAX_VALUE);
        long id = subscribe(token, "stocktake.created");
        HttpResponse<String> created = rest.request("POST", "/api/v1/stocktakes", token, "{\"warehouse\":\"WH1\",\"zone\":\"COLD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.hits.isEmpty());

        core.close();
        receiver.failuresLeft.set(0);
        int before = receiver.hits.size();
        core = CloudCore.start(CloudITSupport.config(dataDir).withAdminPassword(CloudITSupport.ADMIN_PASSWORD));
        rest = new RestClient(core.baseUrl());
        String token2 = token();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode log = rest.getJson("/api/v1/webhooks/" + id + "/deliveries", token2);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asText()).isEqualTo("delivered");
        });
        assertThat(receiver.hits.size()).isGreaterThan(before);
        Hit last = receiver.hits.get(receiver.hits.size() - 1);
        assertThat(last.signed()).isTrue();
        assertThat(last.event()).isEqualTo("stocktake.created");
        assertThat(last.body()).contains("\"warehouse\": \"WH1\"");
    }

    @Test
    void badSubscriptionsAreProblemsAndDeleteRemoves() {
        String token = token();
        assertThat(rest.request("POST", "/api/v1/webhooks", token, "{\"url\":\"ftp://x\",\"events\":[\"alert.raised\"],\"secret\":\""
                + SECRET + "\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = rest.request("POST", "/api/v1/webhooks", token, "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"alert.exploded\"],\"secret\":\"" + SECRET + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("alert.exploded").contains("stocktake.posted");
        assertThat(rest.request("POST", "/api/v1/webhooks", token, "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"alert.raised\"],\"secret\":\"short\"}").statusCode()).isEqualTo(400);
        long id = subscribe(token, "transfer.shipped");
        assertThat(rest.getJson("/api/v1/webhooks/" + id, token).get("events").get(0).asText()).isEqualTo("transfer.shipped");
        assertThat(rest.request("DELETE", "/api/v1/webhooks/" + id, token, null).statusCode()).isEqualTo(204);
        assertThat(rest.get("/api/v1/webhooks/" + id, token).statusCode()).isEqualTo(404);
        assertThat(rest.get("/api/v1/webhooks/" + id + "/deliveries", token).statusCode()).isEqualTo(404);
        assertThat(rest.get("/api/v1/webhooks/abc", token).statusCode()).isEqualTo(400);
    }
}
