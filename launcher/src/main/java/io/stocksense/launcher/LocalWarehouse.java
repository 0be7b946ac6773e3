package io.stocksense.launcher;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.cloud.CloudCore;
import io.stocksense.config.Site;
import io.stocksense.edge.EdgeGateway;
import io.stocksense.edge.GatewayConfig;
import io.stocksense.sim.ScenarioRunner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole warehouse in this JVM: cloud-core (with its embedded PostgreSQL and broker unless the cloud
 * configuration names external ones), one gateway of the site reading its devices from the cloud's
 * broker, and simulators for that site on demand. The demo, the end-to-end tests and the JUnit
 * extension for integrators all start it the same way.
 *
 * <p>{@link #close()} stops the gateway, then the cloud. Thread-safe for reads; start and close once.
 */
public final class LocalWarehouse implements AutoCloseable {

    private final Site site;
    private final CloudCore cloud;
    private final EdgeGateway gateway;

    private LocalWarehouse(Site site, CloudCore cloud, EdgeGateway gateway) {
        this.site = site;
        this.cloud = cloud;
        this.gateway = gateway;
    }

    /**
     * Starts the cloud, then gateway {@code gatewayId} of {@code site} with its uplink and its devices on
     * the cloud's broker.
     *
     * @param gatewayDataDir the gateway's data directory (its outbox)
     * @param gatewayHttpPort health and metrics port; 0 picks a free one
     * @param ackTimeout     how long a batch waits for the cloud's ack before it is resent, null for the default
     * @throws IllegalStateException when either does not start; nothing is left running then
     */
    public static LocalWarehouse start(CloudConfig cloudConfig, Site site, String gatewayId, Path gatewayDataDir,
                                       int gatewayHttpPort, Duration ackTimeout) {
        Objects.requireNonNull(site, "site");
        CloudCore cloud = CloudCore.start(cloudConfig);
        try {
            GatewayConfig wired = new GatewayConfig(site, gatewayId, cloud.mqttUrl(), cloud.mqttUrl(), gatewayDataDir,
                    gatewayHttpPort, ackTimeout);
            return new LocalWarehouse(site, cloud, EdgeGateway.start(wired));
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    public Site site() {
        return site;
    }

    public CloudCore cloud() {
        return cloud;
    }

    public EdgeGateway gateway() {
        return gateway;
    }

    /**
     * Simulators for the site's devices on the cloud's broker. The smart shelves start from what the
     * ledger says each slot holds, so a warehouse whose data survived a restart is not told that every
     * shelf was emptied.
     */
    public ScenarioRunner simulators(long seed) {
        try {
            return new ScenarioRunner(site, cloud.mqttUrl(), seed).shelfStartCounts(shelfCounts());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the shelves' stock from the ledger: " + e.getMessage(), e);
        }
    }

    /** What each smart-shelf slot holds according to the ledger, by location. */
    Map<String, Integer> shelfCounts() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = cloud.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT SUM(quantity) FROM stock_level WHERE sku = ? AND location = ?")) {
            for (var device : site.devices()) {
                if (device.shelf() == null || device.location() == null) {
                    continue;
                }
                ps.setString(1, device.shelf().sku());
                ps.setString(2, device.location());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBigDecimal(1) != null) {
                        counts.put(device.location(), Math.max(0, rs.getBigDecimal(1).intValue()));
                    }
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            cloud.close();
        }
    }
}
