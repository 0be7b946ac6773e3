package io.stocksense.cloud.web;

import io.stocksense.cloud.ingest.IngestMetrics;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Operations endpoints, without a token: {@code GET /health} (the process is alive),
 * {@code GET /ready} (200 only when PostgreSQL answers and the ingest MQTT client is connected, else
 * 503 with the reason) and {@code GET /metrics} (Prometheus text format). Also serves the static
 * OpenAPI document.
 */
public final class OpsRoutes {

    private static final String OPENAPI = load("/openapi/stocksense-cloud.json");

    private final Callable<Boolean> databaseUp;
    private final BooleanSupplier brokerConnected;
    private final IngestMetrics ingest;
    private final HttpMetrics http;

    /**
     * @param databaseUp      blocking probe, run on a worker thread
     * @param brokerConnected non-blocking
     */
    public OpsRoutes(Callable<Boolean> databaseUp, BooleanSupplier brokerConnected, IngestMetrics ingest, HttpMetrics http) {
        this.databaseUp = databaseUp;
        this.brokerConnected = brokerConnected;
        this.ingest = ingest;
        this.http = http;
    }

    public void mount(RouteTable routes) {
        routes.get("/health", ctx -> Responses.json(ctx, 200, Map.of("status", "UP")));
        routes.get("/ready", this::ready);
        routes.get("/metrics", ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(prometheus()));
    }

    private void ready(RoutingContext ctx) {
        ctx.vertx().executeBlocking(databaseUp, false).onComplete(ar -> {
            boolean db = ar.succeeded() && Boolean.TRUE.equals(ar.result());
            boolean broker = brokerConnected.getAsBoolean();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", db && broker ? "READY" : "NOT_READY");
            body.put("database", db ? "UP" : "DOWN");
            body.put("broker", broker ? "UP" : "DOWN");
            if (!db || !broker) {
                body.put("reason", !db ? "PostgreSQL does not answer" : "the ingest MQTT client is not connected to the broker");
            }
            Responses.json(ctx, db && broker ? 200 : 503, body);
        });
    }

    String prometheus() {
        StringBuilder sb = new StringBuilder(1024);
        counter(sb, "stocksense_ingest_batches_received_total", "Batches received from gateways.", ingest.batchesReceived());
        counter(sb, "stocksense_ingest_batches_failed_total", "Batches not committed (database down), so not acked.",
                ingest.batchesFailed());
        counter(sb, "stocksense_ingest_batches_rejected_total", "Batches with an unreadable envelope, kept as dead letters.",
                ingest.batchesRejected());
        sb.append("# HELP stocksense_ingest_events_total Events by outcome.\n# TYPE stocksense_ingest_events_total counter\n");
        sb.append("stocksense_ingest_events_total{result=\"accepted\"} ").append(ingest.eventsAccepted()).append('\n');
        sb.append("stocksense_ingest_events_total{result=\"duplicate\"} ").append(ingest.eventsDuplicate()).append('\n');
        sb.append("stocksense_ingest_events_total{result=\"rejected\"} ").append(ingest.eventsRejected()).append('\n');
        sb.append("# HELP stocksense_ingest_latency_seconds From MQTT arrival to COMMIT, per batch.\n")
                .append("# TYPE stocksense_ingest_latency_seconds summary\n")
                .append("stocksense_ingest_latency_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", ingest.latencySecondsSum()))
                .append('\n').append("stocksense_ingest_latency_seconds_count ").append(ingest.latencyCount()).append('\n');
        counter(sb, "stocksense_gateway_state_messages_total", "Gateway state (birth/death) messages recorded.",
                ingest.gatewayStatesReceived());
        sb.append("# HELP stocksense_http_requests_total HTTP requests by status code.\n# TYPE stocksense_http_requests_total counter\n");
        http.requestsByStatus().forEach((code, n) ->
                sb.append("stocksense_http_requests_total{code=\"").append(code).append("\"} ").append(n).append('\n'));
        sb.append("# HELP stocksense_sse_clients Open live-dashboard streams.\n# TYPE stocksense_sse_clients gauge\n")
                .append("stocksense_sse_clients ").append(http.sseClients()).append('\n');
        return sb.toString();
    }

    private static void counter(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    static void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(OPENAPI);
    }

    private static String load(String resource) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
