package io.stocksense.cloud.broker;

import java.nio.file.Path;

/**
 * How the embedded broker protects itself. Immutable; {@link #toString()} hides the passwords.
 *
 * @param passwordFile       Mosquitto-format password file; null lets anyone in (the loopback-only default)
 * @param keystore           PKCS12 with the broker's key and certificate; null for plain TCP
 * @param keystorePassword   its password
 * @param truststore         PKCS12 with the CA that signs client certificates; null to ask for none
 * @param truststorePassword its password
 */
public record BrokerSecurity(Path passwordFile, Path keystore, String keystorePassword, Path truststore, String truststorePassword) {

    public static final BrokerSecurity NONE = new BrokerSecurity(null, null, null, null, null);

    public boolean tls() {
        return keystore != null;
    }

    @Override
    public String toString() {
        return "BrokerSecurity[passwordFile=" + passwordFile + ", keystore=" + keystore + ", truststore=" + truststore + "]";
    }
}
