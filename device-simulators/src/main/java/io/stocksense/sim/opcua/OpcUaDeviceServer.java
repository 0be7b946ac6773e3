package io.stocksense.sim.opcua;

import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;

/**
 * An in-process OPC UA server (Eclipse Milo 1.x) on 127.0.0.1 holding one OPC 40200-style scale and one
 * AnalogItem temperature sensor (see {@link DeviceNamespace} for the node ids, all in {@code ns=2}).
 *
 * <p>Endpoints: {@code SecurityPolicy None} with anonymous login, always; and, when built with
 * {@link #secured}, also {@code Basic256Sha256 / SignAndEncrypt}. The server's RSA key and self-signed
 * certificate are generated once per instance, so a restart keeps the certificate a client trusted.
 * It accepts every client certificate: it is a test double, not a production server.
 *
 * <p>{@link #stop()} then {@link #start()} restarts on the same port with the values set so far (a
 * fresh Milo server each time: sessions and subscriptions are gone, like after a real power cycle).
 * Setters work while stopped. Thread-safe.
 */
public final class OpcUaDeviceServer implements AutoCloseable {

    public static final String GROSS = "Scale1/CurrentWeight/Gross";
    public static final String NET = "Scale1/CurrentWeight/Net";
    public static final String TARE = "Scale1/CurrentWeight/Tare";
    public static final String STABLE = "Scale1/CurrentWeight/WeightStable";
    public static final String OVERLOAD = "Scale1/CurrentWeight/Overload";
    public static final String UNDERLOAD = "Scale1/CurrentWeight/Underload";
    public static final String TEMPERATURE = "Cold1/Temperature";
    public static final String APPLICATION_URI = "urn:stocksense:sim:opcua-server";

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDeviceServer.class);
    private static final String PATH = "/stocksense";
    private static final String HOST = "127.0.0.1";

    private final int port;
    private final boolean secured;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private OpcUaServer server;
    private DeviceNamespace namespace;

    private OpcUaDeviceServer(int port, boolean secured) {
        this.port = port == 0 ? freePort() : port;
        this.secured = secured;
        values.put(GROSS, 0.0);
        values.put(NET, 0.0);
        values.put(TARE, 0.0);
        values.put(STABLE, true);
        values.put(OVERLOAD, false);
        values.put(UNDERLOAD, false);
        values.put(TEMPERATURE, 20.0);
        try {
            this.keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            this.certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("StockSense OPC UA simulator")
                    .setOrganization("StockSense")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addIpAddress(HOST)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the simulator's self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** Endpoint None/anonymous only; {@code port} 0 picks a free port (kept for restarts). */
    public static OpcUaDeviceServer plain(int port) {
        return new OpcUaDeviceServer(port, false);
    }

    /** Endpoints None/anonymous and Basic256Sha256/SignAndEncrypt; {@code port} 0 picks a free port. */
    public static OpcUaDeviceServer secured(int port) {
        return new OpcUaDeviceServer(port, true);
    }

    /** Starts serving; a no-op when running. Blocks until the port is bound. */
    public synchronized OpcUaDeviceServer start() {
        if (server != null) {
            return this;
        }
        try {
            OpcUaServer s = new OpcUaServer(config(), profile -> {
                if (profile != TransportProfile.TCP_UASC_UABINARY) {
                    throw new IllegalArgumentException("only opc.tcp is offered, not " + profile);
                }
                return new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build());
            });
            DeviceNamespace ns = new DeviceNamespace(s, values::get);
            ns.startup();
            s.startup().get(30, TimeUnit.SECONDS);
            server = s;
            namespace = ns;
            LOG.info("OPC UA simulator serving {}{}", endpointUrl(), secured ? " (None and Basic256Sha256)" : "");
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("OPC UA simulator could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops serving and closes every session; a no-op when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            namespace.shutdown();
            server.shutdown().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("OPC UA simulator on port {} did not stop cleanly: {}", port, e.toString());
        } finally {
            server = null;
            namespace = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String endpointUrl() {
        return "opc.tcp://" + HOST + ":" + port + PATH;
    }

    public int port() {
        return port;
    }

    /** The server's certificate, for a client that pins or trusts it explicitly. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A NodeId string as a client configures it, e.g. {@code ns=2;s=Scale1/CurrentWeight/Gross}. */
    public static String nodeId(String path) {
        return "ns=2;s=" + path;
    }

    /** Sets the gross weight; Net follows as Gross − Tare, as on a real scale. */
    public void setGross(BigDecimal grams) {
        set(GROSS, grams.doubleValue());
        set(NET, grams.subtract(BigDecimal.valueOf((Double) values.get(TARE))).doubleValue());
    }

    public void setTare(BigDecimal grams) {
        set(TARE, grams.doubleValue());
        set(NET, BigDecimal.valueOf((Double) values.get(GROSS)).subtract(grams).doubleValue());
    }

    public void setStable(boolean stable) {
        set(STABLE, stable);
    }

    public void setOverload(boolean overload) {
        set(OVERLOAD, overload);
    }

    public void setUnderload(boolean underload) {
        set(UNDERLOAD, underload);
    }

    public void setTemperature(double celsius) {
        set(TEMPERATURE, celsius);
    }

    /**
     * Sets any variable to any value, even one of the wrong type (a String into a Double node), to
     * simulate a misbehaving device.
     */
    public synchronized void set(String path, Object value) {
        if (!values.containsKey(path)) {
            throw new IllegalArgumentException("no variable " + path + "; known: " + values.keySet());
        }
        values.put(path, value);
        if (namespace != null) {
            namespace.set(path, value);
        }
    }

    private OpcUaServerConfig config() throws Exception {
        MemoryTrustListManager trustList = new MemoryTrustListManager();
        RsaSha256CertificateFactory certificates = new RsaSha256CertificateFactory() {
            @Override
            public KeyPair createKeyPair(NodeId certificateTypeId) {
                return keyPair;
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
                return new X509Certificate[]{certificate};
            }
        };
        // A simulator trusts every client: the gateway's certificate is generated on its side.
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, new MemoryCertificateStore(),
                certificates, (chain, applicationUri, hostnames) -> { });
        return OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("StockSense OPC UA device simulator"))
                .setProductUri("urn:stocksense:sim")
                .setEndpoints(endpoints())
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
    }

    private Set<EndpointConfig> endpoints() {
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(HOST)
                .setHostname(HOST)
                .setBindPort(port)
                .setPath(PATH)
                .setCertificate(certificate)
                .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS);
        Set<EndpointConfig> out = new LinkedHashSet<>();
        out.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        if (secured) {
            out.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the OPC UA simulator", e);
        }
    }
}
