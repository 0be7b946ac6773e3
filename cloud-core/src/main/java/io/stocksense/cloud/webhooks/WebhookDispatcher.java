package io.stocksense.cloud.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued webhook deliveries: a POST of the stored JSON body with {@value WebhookSignature#HEADER},
 * {@code X-StockSense-Event} (the event type) and {@code X-StockSense-Delivery} (the event id, the same on
 * every retry, so a receiver can drop duplicates). A 2xx answer delivers; anything else, a timeout or a refused
 * connection is logged as an attempt and retried after the {@link RetryPolicy}'s back-off.
 *
 * <p>Threading: one daemon thread polls the delivery table every {@code pollInterval} and sends one delivery at
 * a time. A database or receiver failure is logged and never stops the loop. Deliveries live in the database,
 * so they survive a restart: what was due while cloud-core was down is sent after it starts.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final int ERROR_EXCERPT = 300;

    private final WebhookStore store;
    private final RetryPolicy policy;
    private final HttpClient http;
    private final ScheduledExecutorService loop;

    private WebhookDispatcher(WebhookStore store, RetryPolicy policy) {
        this.store = store;
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-dispatcher");
            t.setDaemon(true);
            return t;
        });
    }

    public static WebhookDispatcher start(WebhookStore store, RetryPolicy policy, Duration pollInterval) {
        WebhookDispatcher d = new WebhookDispatcher(store, policy);
        d.loop.scheduleWithFixedDelay(d::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("webhook dispatcher started (retry after {}, doubling up to {}, {} attempts)", policy.initialDelay(),
                policy.maxDelay(), policy.maxAttempts());
        return d;
    }

    private void drain() {
        try {
            List<WebhookStore.Due> due;
            do {
                // The lease outlives one request, so no other instance picks a delivery up while it is in flight.
                due = store.claimDue(BATCH, policy.requestTimeout().multipliedBy(BATCH + 1));
                for (WebhookStore.Due d : due) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    send(d);
                }
            } while (due.size() == BATCH);
        } catch (Exception e) {
            LOG.warn("webhook deliveries could not be read or recorded; trying again: {}", e.toString());
        }
    }

    private void send(WebhookStore.Due d) throws java.sql.SQLException {
        int attempt = d.attempts() + 1;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(policy.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "StockSense-Webhooks/1")
                    .header("X-StockSense-Event", d.eventType())
                    .header("X-StockSense-Delivery", d.eventId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(d.secret(), started.getEpochSecond(), d.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body()))
                    .build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status + excerpt(r.body());
            }
        } catch (InterruptedException e) {
            // cloud-core is stopping: not an attempt; the delivery is due again when its lease runs out
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        boolean ok = error == null;
        Duration retry = !ok && policy.retries(attempt) ? policy.delay(attempt, ThreadLocalRandom.current().nextDouble()) : null;
        store.recordAttempt(d.id(), attempt, started, ms, status, error, ok, retry);
        if (ok) {
            LOG.debug("webhook delivery {} ({}) to {} delivered on attempt {}", d.id(), d.eventType(), d.url(), attempt);
        } else if (retry != null) {
            LOG.info("webhook delivery {} ({}) to {} failed on attempt {} ({}); next in {}", d.id(), d.eventType(), d.url(),
                    attempt, error, retry);
        } else {
            LOG.warn("webhook delivery {} ({}) to {} failed {} times, giving up ({})", d.id(), d.eventType(), d.url(),
                    attempt, error);
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String b = body.strip();
        return ": " + (b.length() > ERROR_EXCERPT ? b.substring(0, ERROR_EXCERPT) + "…" : b);
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            if (!loop.awaitTermination(policy.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                LOG.warn("webhook dispatcher did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
