package io.stocksense.cloud.broker;

import io.stocksense.config.security.MqttAccess;
import io.stocksense.config.security.MqttPasswords;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.SocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The cross-site check, the same against any broker: the cloud user subscribes to all of
 * {@code stocksense/}; gateway gw-1 of site A publishes into site B (and into another gateway of its own
 * site), then into its own topic. Its own message must arrive and the others never; wrong passwords and
 * unknown users are refused at connect.
 */
final class AclProbe {

    static final String SITE_A_GW = MqttAccess.gatewayUser("site-a", "gw-1");
    static final String SITE_B_GW = MqttAccess.gatewayUser("site-b", "gw-1");

    /** User → plain password, and the password file holding their hashes. */
    final Map<String, String> passwords = new LinkedHashMap<>();

    AclProbe(Path passwordFile) throws IOException {
        for (String user : List.of(MqttAccess.CLOUD_USER, SITE_A_GW, SITE_B_GW)) {
            passwords.put(user, MqttPasswords.generate());
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        passwords.forEach((u, p) -> hashes.put(u, MqttPasswords.hash(p)));
        MqttPasswords.write(passwordFile, hashes);
    }

    void aGatewayCannotPublishIntoAnotherSite(String url, SocketFactory sockets) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        MqttClient cloud = connect(url, "cloud", MqttAccess.CLOUD_USER, passwords.get(MqttAccess.CLOUD_USER), sockets);
        cloud.subscribe("stocksense/#", 1, (topic, m) -> seen.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));

        String intruding = "stocksense/v1/site-b/gw-1/up/movements";
        String sibling = "stocksense/v1/site-a/gw-2/up/movements";
        for (String topic : List.of(intruding, sibling)) {
            MqttClient gw = connect(url, "gw-a-" + topic.hashCode(), SITE_A_GW, passwords.get(SITE_A_GW), sockets);
            try {
                gw.publish(topic, "forged".getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException refusedOrDisconnected) {
                // HiveMQ disconnects an MQTT 3 client that publishes where it may not; Mosquitto drops it silently.
            }
            closeQuietly(gw);
        }
        MqttClient gw = connect(url, "gw-a-own", SITE_A_GW, passwords.get(SITE_A_GW), sockets);
        gw.publish("stocksense/v1/site-a/gw-1/up/movements", "own".getBytes(StandardCharsets.UTF_8), 1, false);

        await().atMost(Duration.ofSeconds(15)).until(() -> seen.contains("stocksense/v1/site-a/gw-1/up/movements own"));
        Thread.sleep(500); // anything forged would have been routed long before the later, own message
        assertThat(seen).containsExactly("stocksense/v1/site-a/gw-1/up/movements own");
        closeQuietly(gw);
        closeQuietly(cloud);
    }

    void strangersAreRefused(String url, SocketFactory sockets) {
        assertThatThrownBy(() -> connect(url, "wrong-pw", SITE_A_GW, "not-" + passwords.get(SITE_A_GW), sockets))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(url, "stranger", "site-c/gw-9", passwords.get(SITE_A_GW), sockets))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(url, "anonymous", null, null, sockets)).isInstanceOf(MqttException.class);
    }

    static MqttClient connect(String url, String clientId, String user, String password, SocketFactory sockets) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        c.setTimeToWait(5_000);
        c.connect(o);
        return c;
    }

    static void closeQuietly(MqttClient c) {
        try {
            if (c.isConnected()) {
                c.disconnect(1_000);
            }
            c.close(true);
        } catch (MqttException e) {
            // already gone
        }
    }
}
