package io.stocksense.edge.adapter.opcua;

import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;

/**
 * The client side of one security setting. {@code None} needs nothing. {@code Basic256Sha256} uses the
 * gateway's RSA key and self-signed application certificate (made when the adapter starts; the server
 * must trust it) and validates the server's certificate against the trust list under
 * {@code <gatewayDir>/opcua/pki}: copy a server's certificate (DER) into {@code trusted/certs} to trust
 * it; a certificate that is not trusted is kept under {@code rejected} for the operator to inspect, and
 * the device stays OFFLINE with the validation error as reason.
 */
final class OpcUaClientSecurity {

    private final SecurityPolicy policy;
    private final MessageSecurityMode mode;
    private final String applicationUri;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final Path pkiDir;
    /** Opened once: each trust list runs a directory watcher thread. */
    private DefaultClientCertificateValidator validator;
    private FileBasedTrustListManager trustList;

    private OpcUaClientSecurity(SecurityPolicy policy, MessageSecurityMode mode, String applicationUri, KeyPair keyPair,
                                X509Certificate certificate, Path pkiDir) {
        this.policy = policy;
        this.mode = mode;
        this.applicationUri = applicationUri;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.pkiDir = pkiDir;
    }

    SecurityPolicy policy() {
        return policy;
    }

    MessageSecurityMode mode() {
        return mode;
    }

    String applicationUri() {
        return applicationUri;
    }

    static OpcUaClientSecurity of(OpcUaDeviceSettings settings, String applicationUri, ClientIdentity identity, Path pkiDir) {
        if (settings.securityPolicy().equals("None")) {
            return new OpcUaClientSecurity(SecurityPolicy.None, MessageSecurityMode.None, applicationUri, null, null, null);
        }
        return new OpcUaClientSecurity(SecurityPolicy.Basic256Sha256, MessageSecurityMode.valueOf(settings.securityMode()),
                applicationUri, identity.keyPair(), identity.certificate(), pkiDir);
    }

    /** Adds key, certificate and server-certificate validation when secured; called on the connect thread. */
    synchronized void configure(OpcUaClientConfigBuilder cfg) {
        if (keyPair == null) {
            return;
        }
        if (validator == null) {
            try {
                trustList = FileBasedTrustListManager.createAndInitialize(pkiDir);
                FileBasedCertificateQuarantine rejected = FileBasedCertificateQuarantine.create(pkiDir.resolve("rejected"));
                validator = new DefaultClientCertificateValidator(trustList, rejected);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot open the OPC UA trust list under " + pkiDir + ": " + e.getMessage(), e);
            }
        }
        cfg.setKeyPair(keyPair)
                .setCertificate(certificate)
                .setCertificateChain(new X509Certificate[]{certificate})
                .setCertificateValidator(validator);
    }

    /** Stops the trust list's directory watcher; idempotent, never throws. */
    synchronized void close() {
        if (trustList != null) {
            try {
                trustList.close();
            } catch (java.io.IOException | RuntimeException e) {
                // closing on shutdown: nothing left to protect
            }
            trustList = null;
            validator = null;
        }
    }

    /** The gateway's OPC UA application key and certificate, made once per adapter, lazily. */
    static final class ClientIdentity {
        private final String applicationUri;
        private KeyPair keyPair;
        private X509Certificate certificate;

        ClientIdentity(String applicationUri) {
            this.applicationUri = applicationUri;
        }

        synchronized KeyPair keyPair() {
            make();
            return keyPair;
        }

        synchronized X509Certificate certificate() {
            make();
            return certificate;
        }

        private void make() {
            if (keyPair != null) {
                return;
            }
            try {
                keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                certificate = new SelfSignedCertificateBuilder(keyPair)
                        .setCommonName("StockSense edge gateway")
                        .setOrganization("StockSense")
                        .setApplicationUri(applicationUri)
                        .addDnsName("localhost")
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the gateway's OPC UA certificate: " + e.getMessage(), e);
            }
        }
    }
}
