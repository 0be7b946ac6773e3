package io.stocksense.cloud.web;

import io.stocksense.cloud.ingest.LiveEvent;
import io.stocksense.cloud.ingest.LiveListener;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Server-sent events for live dashboards ({@code GET /api/v1/stream}): {@code movement},
 * {@code stock}, {@code telemetry} and {@code device-event} events after each ingest commit, {@code alarm}
 * after a person acknowledged or cleared one (see {@link io.stocksense.cloud.ingest.LiveEvent}), and a comment every 15 s so
 * proxies keep the connection open. EventSource reconnects by itself; a client that reads too slowly
 * is disconnected (it reconnects and reloads) rather than buffered without limit.
 *
 * <p>Threading: {@link #committed} runs on the ingest worker and only publishes on the event bus;
 * each stream writes on its own connection's event loop.
 */
public final class SseHub implements LiveListener {

    static final String ADDRESS = "stocksense.live";
    static final long HEARTBEAT_MS = 15_000;
    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);

    private final Vertx vertx;
    private final HttpMetrics metrics;

    public SseHub(Vertx vertx, HttpMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
    }

    @Override
    public void committed(List<LiveEvent> events) {
        for (LiveEvent e : events) {
            vertx.eventBus().publish(ADDRESS, frame(e));
        }
    }

    static String frame(LiveEvent e) {
        // Compact JSON has no newlines, so one data: line carries the whole payload.
        return "event: " + e.name() + "\ndata: " + ApiJson.write(e.data()) + "\n\n";
    }

    /** Handles one stream request (already authenticated). */
    public void stream(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        MessageConsumer<String> consumer = vertx.eventBus().consumer(ADDRESS, msg -> send(response, msg.body()));
        long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> send(response, ": heartbeat\n\n"));
        metrics.sseOpened();
        response.closeHandler(v -> {
            consumer.unregister();
            vertx.cancelTimer(heartbeat);
            metrics.sseClosed();
        });
        consumer.completion().onComplete(ar -> send(response, "retry: 3000\n: connected\n\n"));
    }

    private static void send(HttpServerResponse response, String text) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.writeQueueFull()) {
            LOG.debug("SSE client too slow; closing its stream");
            response.reset();
            return;
        }
        response.write(text);
    }
}
