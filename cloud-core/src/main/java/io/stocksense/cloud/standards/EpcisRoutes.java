package io.stocksense.cloud.standards;

import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.web.BadParameterException;
import io.stocksense.cloud.web.Blocking;
import io.stocksense.cloud.web.Params;
import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /api/v1/epcis/events?from=&to=&warehouse=&limit=}: movements and sensor data of a time window as
 * an EPCIS 2.0 JSON-LD {@code EPCISDocument} ({@code application/ld+json}). {@code to} defaults to now and
 * {@code from} to 24 hours before {@code to}; the window may span at most 31 days. When {@code limit} (default
 * 1000, at most 10000 ledger events and as many sensor buckets) cut the answer short, the header
 * {@code X-StockSense-Truncated: true} says so: ask again with a later {@code from}.
 */
public final class EpcisRoutes {

    public static final String PATH = "/api/v1/epcis/events";
    private static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final EpcisStore store;

    public EpcisRoutes(EpcisStore store) {
        this.store = store;
    }

    public void mount(RouteTable routes) {
        routes.get(PATH, "epcis:view", this::events);
    }

    private void events(RoutingContext ctx) {
        Instant to = Params.instant(ctx, "to");
        to = to == null ? Instant.now() : to;
        Instant from = Params.instant(ctx, "from");
        from = from == null ? to.minus(Duration.ofHours(24)) : from;
        if (!from.isBefore(to)) {
            throw new BadParameterException("from must be before to, was from=" + from + " to=" + to);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new BadParameterException("the window from=" + from + " to=" + to + " is longer than 31 days; export it in parts");
        }
        String warehouse = Params.text(ctx, "warehouse");
        int limit = Params.limit(ctx, "limit", 1000, 10_000);
        Instant f = from;
        Instant t = to;
        ctx.vertx().executeBlocking(() -> {
            EpcisStore.Export x = store.read(f, t, warehouse, limit);
            String body = ApiJson.write(new EpcisDocumentBuilder().movements(x.lines()).sensorData(x.sensors()).build(Instant.now()));
            return new Answer(body, x.truncated());
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                Blocking.fail(ctx, ar.cause());
                return;
            }
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/ld+json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-StockSense-Truncated", Boolean.toString(ar.result().truncated()))
                    .end(ar.result().body());
        });
    }

    private record Answer(String body, boolean truncated) {
    }
}
