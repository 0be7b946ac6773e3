package io.stocksense.cloud.inventory.web;

import io.stocksense.cloud.inventory.api.AlertEvaluation;
import io.stocksense.cloud.inventory.domain.StockScope;
import io.stocksense.cloud.inventory.store.AlertStore;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the stock-condition alerts current outside the manual postings (which evaluate inside their
 * own transaction):
 * <ul>
 *   <li>after ingest commits, {@link #stockChanged} queues the SKU × warehouse scopes the batch touched;
 *       one worker drains the queue, so a burst of batches costs one set-based evaluation per drain, never
 *       anything inside the ingest transaction;</li>
 *   <li>every {@link #EVERY} (and a minute after start) everything is evaluated again, which is what turns
 *       a lot into {@code expiring-lot} / {@code expired-lot} as days pass, and catches up on scopes
 *       queued by an instance that stopped before draining.</li>
 * </ul>
 * {@link #stockChanged} never blocks and never throws. Failures are logged; the next run repairs them.
 * Timers end with Vert.x.
 */
public final class AlertJob {

    private static final Logger LOG = LoggerFactory.getLogger(AlertJob.class);
    static final Duration EVERY = Duration.ofMinutes(15);
    static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final AlertStore alerts;
    private final Set<StockScope> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();

    private AlertJob(Vertx vertx, AlertStore alerts) {
        this.vertx = vertx;
        this.alerts = alerts;
    }

    public static AlertJob start(Vertx vertx, AlertStore alerts) {
        AlertJob job = new AlertJob(vertx, alerts);
        vertx.setTimer(FIRST_RUN.toMillis(), id -> job.evaluateAll());
        vertx.setPeriodic(EVERY.toMillis(), id -> job.evaluateAll());
        return job;
    }

    public AlertStore store() {
        return alerts;
    }

    /** Stock of these scopes changed and is committed: evaluate them soon, on a worker thread. */
    public void stockChanged(Collection<StockScope> scopes) {
        if (scopes.isEmpty()) {
            return;
        }
        pending.addAll(scopes);
        if (draining.compareAndSet(false, true)) {
            vertx.executeBlocking(this::drain, false).onFailure(e -> {
                draining.set(false);
                LOG.warn("stock alert evaluation failed: {}", e.toString());
            });
        }
    }

    private Void drain() throws Exception {
        while (true) {
            Set<StockScope> batch = take();
            if (batch.isEmpty()) {
                draining.set(false);
                // A scope queued between take() and set(false) found draining still true: drain it now.
                if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
                    return null;
                }
                continue;
            }
            AlertEvaluation e = alerts.evaluate(batch);
            LOG.debug("stock alerts of {} scopes: {}", batch.size(), e);
        }
    }

    private Set<StockScope> take() {
        Set<StockScope> batch = new HashSet<>();
        for (Iterator<StockScope> it = pending.iterator(); it.hasNext(); ) {
            batch.add(it.next());
            it.remove();
        }
        return batch;
    }

    private void evaluateAll() {
        vertx.executeBlocking(alerts::evaluateAll, false).onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.debug("stock alerts evaluated: {}", ar.result());
            } else {
                LOG.warn("periodic stock alert evaluation failed: {}", ar.cause().toString());
            }
        });
    }
}
