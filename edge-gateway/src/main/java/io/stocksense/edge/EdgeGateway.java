package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.Site;
import io.stocksense.edge.adapter.AdapterContext;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.DeviceAdapters;
import io.stocksense.edge.alarm.LocalAlarms;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.engine.Engines;
import io.stocksense.edge.engine.environment.ZoneAlarmEngine;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.edge.health.HealthServer;
import io.stocksense.edge.health.HealthSnapshot;
import io.stocksense.edge.outbox.OutboxLimits;
import io.stocksense.edge.outbox.SqliteOutbox;
import io.stocksense.edge.uplink.MqttUplink;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.stocksense.config.security.MqttAccess;
import io.stocksense.config.security.TlsFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running edge gateway: device adapter → codecs → engines → SQLite outbox → MQTT uplink, plus
 * the health/metrics HTTP server. {@link #start} returns once everything is up; an unreachable
 * broker is not an error (the gateway keeps retrying and keeps storing), bad configuration is.
 * {@link #close} stops the parts in reverse order; events not yet acked stay in the outbox.
 */
public final class EdgeGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeGateway.class);

    private final GatewayConfig config;
    private TlsFiles tls;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private SqliteOutbox outbox;
    private MqttUplink uplink;
    private HealthServer health;
    private Vertx vertx;

    private EdgeGateway(GatewayConfig config) {
        this.config = config;
    }

    /**
     * Starts the gateway and blocks until it serves.
     *
     * @throws IllegalArgumentException on bad configuration (the message says what to fix)
     * @throws IllegalStateException    when a part cannot start (outbox file, HTTP port taken)
     */
    public static EdgeGateway start(GatewayConfig cfg) {
        return start(cfg, null);
    }

    /**
     * Starts a gateway that, with {@code tls} (the folder {@code ./stocksense ca} wrote), logs in to the
     * cloud broker as {@code <site>/<gateway>} over TLS with its own certificate and serves its health
     * API over HTTPS; null keeps plain connections without a login.
     */
    public static EdgeGateway start(GatewayConfig cfg, TlsFiles tls) {
        EdgeGateway gw = new EdgeGateway(cfg);
        gw.tls = tls;
        try {
            gw.startParts();
            return gw;
        } catch (RuntimeException e) {
            gw.close();
            throw e;
        }
    }

    private void startParts() {
        Clock clock = Clock.systemUTC();
        Site site = config.site();
        String gatewayId = config.gatewayId();
        List<Device> devices = site.devicesOf(gatewayId);
        GatewayMetrics metrics = new GatewayMetrics();
        DeviceStatusBoard status = new DeviceStatusBoard(clock);

        outbox = SqliteOutbox.open(config.gatewayDir().resolve("outbox.db"), site.siteId(), gatewayId,
                OutboxLimits.fromEnv(System.getenv()));
        parts.add(outbox);
        metrics.register("stocksense_edge_outbox_bytes", "gauge", "Payload bytes waiting for a cloud ack.", outbox::bytes);
        metrics.register("stocksense_edge_outbox_full", "gauge", "1 while the outbox refuses new events.",
                () -> outbox.isFull() ? 1 : 0);
        metrics.register("stocksense_edge_outbox_thinned_total", "counter",
                "Old telemetry points dropped to make room (movements and events are never dropped).", outbox::thinnedTotal);
        LocalAlarms alarms = new LocalAlarms(outbox.activeAlarms());
        Engines engines = new Engines(site, devices, outbox.shelfCountedGrams(), alarms.active(),
                new ZoneAlarmEngine(gatewayId, ZoneAlarmEngine.DEFAULT_MKT_WINDOW, ZoneAlarmEngine.DEFAULT_MKT_INTERVAL));
        alarms.updateZones(engines.zoneClimates());
        engines.configurationErrors().forEach((id, why) -> status.offline(id, DeviceStatus.Reason.CONFIGURATION_ERROR, why));

        uplink = new MqttUplink(config.uplinkMqttUrl(), site.siteId(), gatewayId, config.ackTimeout(), outbox, metrics, clock,
                this::secureUplink);
        parts.add(0, uplink);
        ReadingPipeline pipeline = new ReadingPipeline(engines, outbox, metrics, clock, uplink::wakeUp, alarms);
        parts.add(0, pipeline);
        // Device status goes north too: what is misconfigured now, then every transition.
        status.all().stream().filter(s -> s.reason() == DeviceStatus.Reason.CONFIGURATION_ERROR)
                .forEach(s -> pipeline.deviceStatus(gatewayId, s));
        status.onTransition(s -> pipeline.deviceStatus(gatewayId, s));
        List<DeviceAdapter> adapters = DeviceAdapters.create(
                new AdapterContext(config, CodecRegistry.load(), status, pipeline::accept, clock, alarms), devices);
        adapters.forEach(a -> parts.add(0, a));

        uplink.start();
        adapters.forEach(DeviceAdapter::start);
        vertx = Vertx.vertx();
        health = await(HealthServer.start(vertx, healthOptions(), config.httpPort(), () -> new HealthSnapshot(site.siteId(), gatewayId,
                status.all(), outbox.depth(), outbox.oldestAge(clock.instant()).orElse(null), uplink.isConnected(),
                outbox.deadLetterTotal(), alarms.zones()), metrics), "health server on port " + config.httpPort());
        LOG.info("gateway {} of site {} started: {} devices, health on port {}, outbox {} events", gatewayId,
                site.siteId(), devices.size(), health.port(), outbox.depth());
    }

    public int httpPort() {
        return health.port();
    }

    private void secureUplink(org.eclipse.paho.client.mqttv3.MqttConnectOptions options) {
        if (tls == null) {
            return;
        }
        String user = MqttAccess.gatewayUser(config.site().siteId(), config.gatewayId());
        try {
            options.setSocketFactory(tls.sslContext(TlsFiles.gatewayIdentity(config.gatewayId())).getSocketFactory());
            options.setUserName(user);
            options.setPassword(tls.mqttPassword(user).toCharArray());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("STOCKSENSE_TLS_DIR: " + e.getMessage(), e);
        }
    }

    private HttpServerOptions healthOptions() {
        HttpServerOptions o = new HttpServerOptions();
        if (tls != null) {
            try {
                o.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(tls.keystore(TlsFiles.gatewayIdentity(config.gatewayId()))
                        .toString()).setPassword(tls.storePassword()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("STOCKSENSE_TLS_DIR: " + e.getMessage(), e);
            }
        }
        return o;
    }

    /** Events stored and not yet acked by the cloud. Blocking (reads SQLite). */
    public long outboxDepth() {
        return outbox.depth();
    }

    public GatewayConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (health != null) {
            try {
                await(health.close(), "closing the health server");
            } catch (RuntimeException e) {
                LOG.debug("health server close: {}", e.getMessage());
            }
        }
        if (vertx != null) {
            vertx.close();
        }
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        parts.clear();
    }

    private static <T> T await(io.vertx.core.Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(what + " failed: " + cause.getMessage(), cause);
        }
    }
}
