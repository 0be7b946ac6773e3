package io.stocksense.launcher;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.cloud.broker.EmbeddedBroker;
import io.stocksense.config.Site;
import io.stocksense.config.SiteLoader;
import io.stocksense.config.security.MqttAccess;
import io.stocksense.config.security.TlsFiles;
import io.stocksense.edge.EdgeGateway;
import io.stocksense.edge.GatewayConfig;
import io.stocksense.sim.ScenarioRunner;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Cloud and gateway over TLS with the certificates {@code ./stocksense ca} makes: the cloud serves
 * HTTPS, its embedded broker takes only TLS with a client certificate of the site's CA plus a login, the
 * gateway's uplink and health API use the gateway's certificate. A pallet's readings travel device →
 * gateway → TLS → cloud until the cloud has acked all of them. A client whose certificate comes from
 * another CA is refused even with the right password.
 */
class TlsLinksIT {

    @TempDir
    Path data;

    @Test
    void cloudAndGatewayTalkOverTlsAndAnUntrustedClientIsRefused() throws Exception {
        Site site = SiteLoader.load(WarehouseEndToEndIT.DEMO_SITE);
        Path tlsDir = data.resolve("tls");
        DevCaCommand.create(site, tlsDir, List.of());
        Path rogueDir = data.resolve("rogue");
        DevCaCommand.create(site, rogueDir, List.of());
        TlsFiles tls = new TlsFiles(tlsDir);

        CloudConfig cloudConfig = new CloudConfig(0, 0, data.resolve("cloud-data"), null, null, null, null,
                "tls-admin-password-1", List.of(WarehouseEndToEndIT.DEMO_SITE), false);
        try (EmbeddedBroker deviceBroker = EmbeddedBroker.start(data.resolve("device-broker"), "127.0.0.1", 0);
             CloudCore cloud = CloudCore.start(cloudConfig, tls)) {
            assertThat(cloud.mqttUrl()).startsWith("ssl://");
            assertThat(cloud.baseUrl()).startsWith("https://");
            String deviceMqtt = "tcp://127.0.0.1:" + deviceBroker.port();
            try (EdgeGateway gateway = EdgeGateway.start(new GatewayConfig(site, "gw-1", cloud.mqttUrl(), deviceMqtt,
                    data.resolve("gateway"), 0, Duration.ofSeconds(3)), tls)) {
                HttpClient https = HttpClient.newBuilder().sslContext(tls.sslContext(TlsFiles.CLOUD_CLIENT)).build();
                assertThat(get(https, cloud.baseUrl() + "/health").statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        get(https, "https://localhost:" + gateway.httpPort() + "/health").body()).containsPattern("\"uplinkConnected\"\\s*:\\s*true"));

                new ScenarioRunner(site, deviceMqtt, 1).run("receive-pallet");
                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.outboxDepth() == 0 && ledgerRows(cloud) > 0);
                assertThat(gatewayState(cloud)).isEqualTo("online");
            }

            String password = tls.mqttPassword(MqttAccess.gatewayUser("demo", "gw-1"));
            assertThatThrownBy(() -> connect(cloud.mqttUrl(), mixed(new TlsFiles(rogueDir), tls), password))
                    .isInstanceOf(MqttException.class);
            // the same login with the site's own certificate is let in: it was the certificate that was refused
            MqttClient ok = connect(cloud.mqttUrl(), tls.sslContext(TlsFiles.gatewayIdentity("gw-1")), password);
            ok.disconnect();
            ok.close();

            HttpClient untrusting = HttpClient.newBuilder().sslContext(new TlsFiles(rogueDir).sslContext(TlsFiles.CLOUD_CLIENT)).build();
            assertThatThrownBy(() -> get(untrusting, cloud.baseUrl() + "/health")).isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static MqttClient connect(String url, SSLContext ssl, String password) throws MqttException {
        MqttClient c = new MqttClient(url, "probe-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(ssl.getSocketFactory());
        o.setUserName(MqttAccess.gatewayUser("demo", "gw-1"));
        o.setPassword(password.toCharArray());
        o.setConnectionTimeout(10);
        c.connect(o);
        return c;
    }

    /** The gateway certificate of another CA, while trusting the real server: only the client side is foreign. */
    private static SSLContext mixed(TlsFiles clientSide, TlsFiles trusted) throws Exception {
        char[] rogue = clientSide.storePassword().toCharArray();
        char[] real = trusted.storePassword().toCharArray();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(clientSide.keystore(TlsFiles.gatewayIdentity("gw-1")), rogue), rogue);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trusted.truststore(), real));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path file, char[] pw) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, pw);
        }
        return ks;
    }

    private static long ledgerRows(CloudCore cloud) throws Exception {
        return single(cloud, "SELECT count(*) FROM stock_ledger").equals("0") ? 0 : 1;
    }

    private static String gatewayState(CloudCore cloud) throws Exception {
        return single(cloud, "SELECT state FROM gateway_status WHERE site_id = 'demo' AND gateway_id = 'gw-1'");
    }

    private static String single(CloudCore cloud, String sql) throws Exception {
        try (Connection c = cloud.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
