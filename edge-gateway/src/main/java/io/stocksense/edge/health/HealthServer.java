package io.stocksense.edge.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code GET /health} (JSON) and {@code GET /metrics} (Prometheus text) of one gateway. The snapshot
 * reads the SQLite outbox, so it is taken with {@code executeBlocking}, never on the event loop.
 */
public final class HealthServer {

    private final Vertx vertx;
    private final Callable<HealthSnapshot> snapshots;
    private final GatewayMetrics metrics;
    private HttpServer server;

    private HealthServer(Vertx vertx, Callable<HealthSnapshot> snapshots, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    /** Listens on all interfaces; port 0 picks a free one. Never throws: failures are a failed Future. */
    public static Future<HealthServer> start(Vertx vertx, int port, Callable<HealthSnapshot> snapshots, GatewayMetrics metrics) {
        return start(vertx, new io.vertx.core.http.HttpServerOptions(), port, snapshots, metrics);
    }

    /** As above with server options, e.g. HTTPS with the gateway's certificate. */
    public static Future<HealthServer> start(Vertx vertx, io.vertx.core.http.HttpServerOptions options, int port,
                                             Callable<HealthSnapshot> snapshots, GatewayMetrics metrics) {
        HealthServer hs = new HealthServer(vertx, snapshots, metrics);
        Router router = Router.router(vertx);
        router.get("/health").handler(hs::health);
        router.get("/metrics").handler(hs::metrics);
        return vertx.createHttpServer(options).requestHandler(router).listen(port, "0.0.0.0").map(s -> {
            hs.server = s;
            return hs;
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void health(RoutingContext ctx) {
        vertx.executeBlocking(snapshots).onComplete(ar -> {
            if (ar.failed()) {
                ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("status", "DOWN").put("error", String.valueOf(ar.cause().getMessage())).encode());
                return;
            }
            HealthSnapshot s = ar.result();
            JsonArray devices = new JsonArray();
            s.devices().forEach(d -> devices.add(new JsonObject().put("id", d.deviceId()).put("status", d.state().name())
                    .put("reason", d.reason() == null ? null : d.reason().name()).put("detail", d.detail())
                    .put("since", d.since().toString())));
            JsonObject body = new JsonObject().put("status", s.status()).put("siteId", s.siteId())
                    .put("gatewayId", s.gatewayId()).put("uplinkConnected", s.uplinkConnected())
                    .put("outbox", new JsonObject().put("depth", s.outboxDepth())
                            .put("oldestAgeSeconds", s.oldestEventAge() == null ? null : s.oldestEventAge().toMillis() / 1000.0)
                            .put("deadLetters", s.deadLetters()))
                    .put("devices", devices)
                    .put("zones", zones(s));
            ctx.response().putHeader("content-type", "application/json").end(body.encodePrettily());
        });
    }

    private static JsonArray zones(HealthSnapshot s) {
        JsonArray zones = new JsonArray();
        s.zones().forEach(z -> {
            JsonObject alarm = z.alarm() == null ? null : new JsonObject().put("since", z.alarm().since().toString())
                    .put("raisedAt", z.alarm().raisedAt().toString()).put("value", z.alarm().valueC())
                    .put("limit", z.alarm().limitC()).put("sensor", z.alarm().sensorId());
            zones.add(new JsonObject().put("warehouse", z.warehouse()).put("zone", z.zone())
                    .put("temperatureC", z.lastTemperatureC()).put("mktC", z.mktC()).put("alarm", alarm));
        });
        return zones;
    }

    private void metrics(RoutingContext ctx) {
        vertx.executeBlocking(snapshots).onComplete(ar -> {
            if (ar.failed()) {
                ctx.response().setStatusCode(503).end("# outbox unavailable: " + ar.cause().getMessage() + "\n");
                return;
            }
            ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(PrometheusText.render(ar.result(), metrics));
        });
    }

    /** Prometheus exposition format 0.0.4. */
    static final class PrometheusText {
        private PrometheusText() {
        }

        static String render(HealthSnapshot s, GatewayMetrics m) {
            StringBuilder sb = new StringBuilder();
            perDevice(sb, "stocksense_edge_readings_total", "Readings decoded per device.", m.readingsByDevice());
            perDevice(sb, "stocksense_edge_decode_errors_total", "Rejected device input per device.", m.decodeErrorsByDevice());
            perDevice(sb, "stocksense_edge_ignored_inputs_total", "Well-formed device input with nothing to read, per device.",
                    m.ignoredByDevice());
            single(sb, "stocksense_edge_outbox_depth", "gauge", "Events waiting for a cloud ack.", s.outboxDepth());
            single(sb, "stocksense_edge_outbox_oldest_event_age_seconds", "gauge", "Age of the oldest unacked event.",
                    s.oldestEventAge() == null ? 0 : s.oldestEventAge().toMillis() / 1000.0);
            single(sb, "stocksense_edge_batches_sent_total", "counter", "Batches published.", m.batchesSent());
            single(sb, "stocksense_edge_batches_acked_total", "counter", "Batches acked by the cloud.", m.batchesAcked());
            single(sb, "stocksense_edge_batches_timed_out_total", "counter", "Batches resent after no ack.", m.batchesTimedOut());
            single(sb, "stocksense_edge_dead_letters_total", "counter", "Device input kept as dead letters.", s.deadLetters());
            single(sb, "stocksense_edge_uplink_connected", "gauge", "1 when connected to the cloud broker.",
                    s.uplinkConnected() ? 1 : 0);
            single(sb, "stocksense_edge_local_alarms_active", "gauge", "Zones in local temperature alarm.",
                    s.zones().stream().filter(z -> z.alarm() != null).count());
            single(sb, "stocksense_edge_outbox_refused_total", "counter",
                    "Device payloads not acknowledged because the outbox was full.", m.refusedFull());
            new java.util.TreeMap<>(m.gauges()).forEach((name, g) -> single(sb, name, g.type(), g.help(), g.value().getAsDouble()));
            return sb.toString();
        }

        private static void perDevice(StringBuilder sb, String name, String help, Map<String, Long> values) {
            sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
            sb.append("# TYPE ").append(name).append(" counter\n");
            values.forEach((device, v) -> sb.append(name).append("{device=\"").append(escape(device)).append("\"} ")
                    .append(v).append('\n'));
        }

        private static void single(StringBuilder sb, String name, String type, String help, Number value) {
            sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
            sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            sb.append(name).append(' ').append(value).append('\n');
        }

        private static String escape(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
    }
}
