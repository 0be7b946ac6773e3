package io.stocksense.cloud;

import io.stocksense.cloud.audit.domain.AuditEntry;
import io.stocksense.cloud.audit.store.AuditStore;
import io.stocksense.cloud.auth.store.AdminBootstrap;
import io.stocksense.cloud.backup.BackupJob;
import io.stocksense.cloud.auth.store.AuthStore;
import io.stocksense.cloud.broker.BrokerSecurity;
import io.stocksense.cloud.broker.EmbeddedBroker;
import io.stocksense.cloud.business.BusinessFlows;
import io.stocksense.config.security.MqttAccess;
import io.stocksense.config.security.TlsFiles;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import io.stocksense.cloud.catalog.store.SiteSeeder;
import io.stocksense.cloud.db.Database;
import io.stocksense.cloud.db.EmbeddedDatabase;
import io.stocksense.cloud.ingest.BatchProcessor;
import io.stocksense.cloud.purchasing.domain.ApproverRoles;
import io.stocksense.cloud.ingest.GatewayStateStore;
import io.stocksense.cloud.ingest.IngestMetrics;
import io.stocksense.cloud.ingest.LiveEvent;
import io.stocksense.cloud.ingest.LiveListener;
import io.stocksense.cloud.ingest.MqttIngest;
import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.domain.StockScope;
import io.stocksense.cloud.inventory.store.AlertStore;
import io.stocksense.cloud.inventory.web.AlertJob;
import io.stocksense.cloud.web.ApiJson;
import io.stocksense.cloud.timeseries.InfluxSettings;
import io.stocksense.cloud.timeseries.InfluxTelemetrySink;
import io.stocksense.cloud.timeseries.TimescaleSetup;
import io.stocksense.cloud.web.HttpApi;
import io.stocksense.cloud.web.HttpMetrics;
import io.stocksense.cloud.web.OpsRoutes;
import io.stocksense.cloud.web.RouteTable;
import io.stocksense.cloud.web.SseHub;
import io.stocksense.cloud.webhooks.RetryPolicy;
import io.stocksense.cloud.webhooks.WebhookDispatcher;
import io.stocksense.cloud.webhooks.WebhookStore;
import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A running cloud-core: PostgreSQL (embedded or {@code STOCKSENSE_DB_URL}), an MQTT broker (embedded
 * HiveMQ or {@code STOCKSENSE_MQTT_URL}), the HTTP API and dashboard, and MQTT ingest.
 *
 * <p>{@link #start} blocks until everything is up, or throws {@link CloudStartException} with a
 * message that says what to fix, after stopping whatever it had started. {@link #close} stops ingest,
 * HTTP, the broker and the database, in that order, and is idempotent. Instances are thread-safe.
 */
public final class CloudCore implements AutoCloseable {

    static final String HTTP_HOST = "0.0.0.0";
    /** The embedded broker allows anonymous clients, so it only listens on the loopback interface. */
    static final String BROKER_HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(CloudCore.class);

    private final CloudConfig config;
    private TlsFiles tls;
    private EmbeddedDatabase embeddedDb;
    private Database database;
    private EmbeddedBroker broker;
    private Vertx vertx;
    private HttpServer http;
    private MqttIngest ingest;
    private WebhookDispatcher webhooks;
    private InfluxTelemetrySink influx;
    private String mqttUrl;
    private Optional<String> generatedAdminPassword = Optional.empty();
    private Map<String, String> routePermissions = Map.of();
    private boolean closed;
    /** Stops everything in order when the JVM exits without {@link #close()} (Ctrl-C, SIGTERM). */
    private Thread shutdownHook;

    private CloudCore(CloudConfig config) {
        this.config = config;
    }

    public static CloudCore start(CloudConfig config) {
        return start(config, null);
    }

    /**
     * Starts cloud-core; with {@code tls} (the folder {@code ./stocksense ca} wrote) HTTP becomes HTTPS with
     * the server certificate, the embedded broker listens with TLS only, wants a client certificate of the
     * site's CA and a login from {@code mqtt/password_file} (per-gateway topic ACL), and ingest logs in
     * as {@code cloud-core} with its own certificate. Null keeps plain HTTP and an anonymous loopback broker.
     */
    public static CloudCore start(CloudConfig config, TlsFiles tls) {
        CloudCore core = new CloudCore(config);
        core.tls = tls;
        try {
            core.startAll();
            core.shutdownHook = new Thread(core::close, "cloud-core-shutdown");
            Runtime.getRuntime().addShutdownHook(core.shutdownHook);
            return core;
        } catch (RuntimeException e) {
            core.close();
            throw e instanceof CloudStartException ce ? ce : new CloudStartException("cloud-core did not start: " + e.getMessage(), e);
        }
    }

    private void startAll() {
        LOG.info("starting cloud-core with {}", config);
        // Ports first: a taken port is the most common start problem, so report it before anything starts.
        int httpPort = Ports.choose("STOCKSENSE_HTTP_PORT", HTTP_HOST, config.httpPort(), config.portFallback(), LOG);
        int mqttPort = config.mqttUrl() != null ? -1
                : Ports.choose("STOCKSENSE_MQTT_PORT", BROKER_HOST, config.mqttPort(), config.portFallback(), LOG);
        startDatabase();
        seedSites();
        bootstrapAdmin();
        startBroker(mqttPort);
        IngestMetrics ingestMetrics = new IngestMetrics();
        HttpMetrics httpMetrics = new HttpMetrics();
        vertx = Vertx.vertx();
        SseHub sse = new SseHub(vertx, httpMetrics);
        OpsRoutes ops = new OpsRoutes(database::isUp, () -> ingest != null && ingest.isConnected(), ingestMetrics, httpMetrics);
        AlertJob alerts = AlertJob.start(vertx, new AlertStore(database.dataSource()));
        RouteTable routes = HttpApi.routes(vertx, database.dataSource(), ops, sse, httpMetrics, alerts);
        routePermissions = routes.permissions();
        startHttp(routes.router(), httpPort);
        BackupJob.schedule(vertx, database.dataSource(), config.cloudDir().resolve("backups"));
        webhooks = WebhookDispatcher.start(new WebhookStore(database.dataSource()), webhookPolicy(), Duration.ofSeconds(1));
        BatchProcessor processor = new BatchProcessor(database.dataSource(), ingestMetrics, liveListeners(live(sse, alerts)),
                new BusinessFlows(database.dataSource(), ApproverRoles.USERS).reconciler());
        ingest = MqttIngest.start(mqttUrl, processor, new GatewayStateStore(database.dataSource()), ingestMetrics, this::secureIngest);
        LOG.info("cloud-core ready: {} (MQTT {})", baseUrl(), mqttUrl);
    }

    /** After an ingest commit: the dashboards' stream, and the stock alerts of every SKU × warehouse it touched. */
    private static LiveListener live(SseHub sse, AlertJob alerts) {
        return events -> {
            Set<StockScope> scopes = new HashSet<>();
            for (LiveEvent e : events) {
                if (e.data() instanceof StockLevelView l) {
                    scopes.add(new StockScope(l.sku(), l.warehouse()));
                }
            }
            alerts.stockChanged(scopes);
            sse.committed(events);
        };
    }

    /** {@code base}, and the InfluxDB export when STOCKSENSE_INFLUX_URL is set. */
    private LiveListener liveListeners(LiveListener base) {
        Optional<InfluxSettings> settings;
        try {
            settings = InfluxSettings.from(name -> System.getProperty(name, System.getenv(name)));
        } catch (IllegalArgumentException e) {
            throw new CloudStartException(e.getMessage(), e);
        }
        if (settings.isEmpty()) {
            LOG.info("InfluxDB export off (set STOCKSENSE_INFLUX_URL to turn it on)");
            return base;
        }
        InfluxTelemetrySink sink = InfluxTelemetrySink.start(settings.get());
        influx = sink;
        return events -> {
            sink.committed(events);
            base.committed(events);
        };
    }

    /** From STOCKSENSE_WEBHOOK_* environment variables, or JVM system properties of the same names. */
    private static RetryPolicy webhookPolicy() {
        try {
            return RetryPolicy.from(name -> System.getProperty(name, System.getenv(name)));
        } catch (IllegalArgumentException e) {
            throw new CloudStartException(e.getMessage(), e);
        }
    }

    private void startDatabase() {
        String url = config.dbUrl();
        if (url == null) {
            embeddedDb = EmbeddedDatabase.start(config.cloudDir().resolve("postgres"));
            url = embeddedDb.jdbcUrl();
        }
        database = Database.connect(url, config.dbUser(), config.dbPassword());
        TimescaleSetup.apply(database.dataSource());
    }

    private void seedSites() {
        SiteSeeder seeder = new SiteSeeder(database.dataSource());
        for (Path file : config.siteFiles()) {
            try {
                Site site = SiteLoader.load(file);
                seeder.seed(site);
                new AuditStore(database.dataSource()).append(AuditEntry.system("seed-site", "site", site.siteId(),
                        "{\"file\":" + ApiJson.write(file.toString()) + ",\"products\":" + site.products().size()
                                + ",\"warehouses\":" + site.warehouses().size() + ",\"devices\":" + site.devices().size() + "}"));
                LOG.info("master data of site {} from {}: {} products, {} warehouses, {} devices", site.siteId(), file,
                        site.products().size(), site.warehouses().size(), site.devices().size());
            } catch (SiteConfigException e) {
                throw new CloudStartException("site file " + file + " is invalid: " + e.getMessage(), e);
            } catch (java.sql.SQLException e) {
                throw new CloudStartException("cannot store the master data of " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Upserts a site's master data now (also used by tests and launchers that build a Site in code). */
    public void seed(Site site) {
        try {
            new SiteSeeder(database.dataSource()).seed(site);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot store the master data of site " + site.siteId() + ": " + e.getMessage(), e);
        }
    }

    private void bootstrapAdmin() {
        try {
            generatedAdminPassword = new AdminBootstrap(new AuthStore(database.dataSource()), config.cloudDir())
                    .ensureAdmin(config.adminPassword());
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new CloudStartException("cannot create the admin user: " + e.getMessage(), e);
        }
    }

    private void startBroker(int port) {
        if (config.mqttUrl() != null) {
            mqttUrl = config.mqttUrl();
            return;
        }
        // With TLS, client certificates and logins the broker may face the network; without, loopback only.
        broker = EmbeddedBroker.start(config.cloudDir().resolve("broker"), tls == null ? BROKER_HOST : "0.0.0.0", port, brokerSecurity());
        mqttUrl = (tls == null ? "tcp://" : "ssl://") + BROKER_HOST + ":" + broker.port();
    }

    private void startHttp(Router router, int port) {
        try {
            http = vertx.createHttpServer(httpOptions()).requestHandler(router).listen(port, HTTP_HOST)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudStartException("interrupted while starting HTTP", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CloudStartException("HTTP did not start on port " + port + ": " + cause.getMessage()
                    + "; set STOCKSENSE_HTTP_PORT to a free port", cause);
        }
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** The embedded broker's port, or -1 when an external broker is used. */
    public int mqttPort() {
        return broker == null ? -1 : broker.port();
    }

    /** Where gateways should connect: the embedded broker or {@code STOCKSENSE_MQTT_URL}. */
    public String mqttUrl() {
        return mqttUrl;
    }

    public String baseUrl() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + httpPort();
    }

    private BrokerSecurity brokerSecurity() {
        if (tls == null) {
            return BrokerSecurity.NONE;
        }
        String pw = secret(tls::storePassword);
        return new BrokerSecurity(tls.passwordFile(), tls.keystore(TlsFiles.SERVER), pw, tls.truststore(), pw);
    }

    private HttpServerOptions httpOptions() {
        HttpServerOptions o = new HttpServerOptions();
        if (tls != null) {
            o.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(tls.keystore(TlsFiles.SERVER).toString())
                    .setPassword(secret(tls::storePassword)));
        }
        return o;
    }

    private void secureIngest(MqttConnectOptions options) {
        if (tls == null) {
            return;
        }
        options.setSocketFactory(secret(() -> tls.sslContext(TlsFiles.CLOUD_CLIENT)).getSocketFactory());
        // An external broker may run without logins; the embedded one with TLS always wants one.
        options.setUserName(MqttAccess.CLOUD_USER);
        options.setPassword(secret(() -> tls.mqttPassword(MqttAccess.CLOUD_USER)).toCharArray());
    }

    /** Reading the TLS folder; a missing or unreadable file stops the start with what to fix. */
    private <T> T secret(TlsRead<T> read) {
        try {
            return read.get();
        } catch (java.io.IOException e) {
            throw new CloudStartException("STOCKSENSE_TLS_DIR " + tls.dir() + ": " + e.getMessage(), e);
        }
    }

    private interface TlsRead<T> {
        T get() throws java.io.IOException;
    }

    /** The InfluxDB export, when STOCKSENSE_INFLUX_URL turned it on. */
    public Optional<InfluxTelemetrySink> influxSink() {
        return Optional.ofNullable(influx);
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The admin password generated by this start (print it once), or empty. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /** The permission each API route declared, keyed {@code "METHOD /path"} (path parameters as {@code :name}). */
    public Map<String, String> routePermissions() {
        return routePermissions;
    }

    public CloudConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // the hook runs (or ran) anyway; close is idempotent
            }
        }
        quietly("ingest", ingest);
        quietly("webhook dispatcher", webhooks);
        quietly("InfluxDB export", influx);
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("HTTP did not stop cleanly: {}", e.toString());
            }
        }
        quietly("broker", broker);
        quietly("database pool", database);
        quietly("embedded PostgreSQL", embeddedDb);
        LOG.info("cloud-core stopped");
    }

    private static void quietly(String what, AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", what, e.toString());
        }
    }
}
