package io.stocksense.edge.adapter.opcua;

import io.stocksense.edge.adapter.mqtt.Backoff;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * One Milo client for one endpoint (and security setting), shared by that endpoint's devices, each with
 * its own subscription ({@link OpcUaDeviceBinding}).
 *
 * <p><b>Reconnects are ours, not Milo's.</b> When the session goes inactive (connection lost, keep-alive
 * failed) the devices go OFFLINE with {@code COMMUNICATION_ERROR}, the client is dropped, and a new one
 * is built after a {@link Backoff} delay (exponential with jitter, so gateways do not reconnect in
 * lock-step). A new client re-runs endpoint discovery, so a server that came back with a new certificate
 * or endpoint list is still reached, and every subscription and monitored item is created again on it:
 * after a server restart the old ones no longer exist anyway (a transfer would fail). The monitored
 * items' initial values then carry whatever changed while the device was unreachable.
 *
 * <p>Threads: connecting and subscribing (blocking Milo calls) run on this endpoint's own
 * {@code opcua-connect-*} thread; mapping and storing readings on its {@code opcua-deliver-*} thread,
 * in arrival order. Never on a Vert.x event loop. {@link #close()} is idempotent and never throws.
 */
final class OpcUaEndpointClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaEndpointClient.class);

    private final String endpoint;
    private final OpcUaClientSecurity security;
    private final List<OpcUaDeviceBinding> devices;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final ScheduledExecutorService connector;
    private final ExecutorService delivery;
    private volatile OpcUaClient client;
    private volatile boolean closed;

    OpcUaEndpointClient(String endpoint, OpcUaClientSecurity security, List<OpcUaDeviceBinding> devices,
                        ExecutorService delivery) {
        this.endpoint = endpoint;
        this.security = security;
        this.devices = List.copyOf(devices);
        this.delivery = delivery;
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opcua-connect-" + endpoint);
            t.setDaemon(true);
            return t;
        });
    }

    /** Tries to connect in the background at once; returns immediately. */
    void start() {
        devices.forEach(d -> d.offline("connecting to " + endpoint));
        connector.execute(this::attempt);
    }

    boolean isConnected() {
        return client != null;
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        OpcUaClient c = client;
        client = null;
        disconnect(c);
        security.close();
        delivery.shutdown();
    }

    private void attempt() {
        if (closed || client != null) {
            return;
        }
        OpcUaClient c = null;
        try {
            c = newClient();
            c.connect();
            for (OpcUaDeviceBinding d : devices) {
                d.subscribe(c);
            }
            OpcUaClient connected = c;
            c.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionInactive(UaSession session) {
                    try {
                        connector.execute(() -> lost(connected, "session to " + endpoint + " lost"));
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        // closed meanwhile: nothing to reconnect
                    }
                }
            });
            if (closed) {
                disconnect(c);
                return;
            }
            client = c;
            backoff.reset();
            LOG.info("OPC UA {}: connected, {} device(s) subscribed", endpoint, devices.size());
        } catch (UaException | RuntimeException e) {
            disconnect(c);
            failed("cannot connect to " + endpoint + ": " + describe(e));
        }
    }

    /** The session of {@code which} went away; ignored when that client is no longer the current one. */
    private void lost(OpcUaClient which, String reason) {
        if (closed || which != client) {
            return;
        }
        client = null;
        disconnect(which);
        failed(reason);
    }

    private void failed(String reason) {
        LOG.warn("OPC UA {}", reason);
        devices.forEach(d -> d.offline(reason));
        if (!closed) {
            Duration delay = backoff.next();
            LOG.debug("OPC UA {}: reconnecting in {} ms", endpoint, delay.toMillis());
            connector.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private OpcUaClient newClient() throws UaException {
        return OpcUaClient.create(endpoint, this::select, transport -> { },
                cfg -> {
                    cfg.setApplicationName(LocalizedText.english("StockSense edge gateway"))
                            .setApplicationUri(security.applicationUri())
                            .setProductUri("urn:stocksense:edge-gateway")
                            .setRequestTimeout(uint(10_000))
                            .setKeepAliveInterval(uint(2_000));
                    security.configure(cfg);
                });
    }

    private Optional<EndpointDescription> select(List<EndpointDescription> offered) {
        MessageSecurityMode mode = security.mode();
        return offered.stream()
                .filter(e -> e.getSecurityPolicyUri().equals(security.policy().getUri()) && e.getSecurityMode() == mode)
                .findFirst();
    }

    private static void disconnect(OpcUaClient c) {
        if (c == null) {
            return;
        }
        try {
            c.disconnectAsync().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("OPC UA disconnect: {}", e.toString());
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null || msg.contains(root.getMessage()) ? msg : msg + " (" + root.getMessage() + ")";
    }
}
