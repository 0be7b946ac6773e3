package io.stocksense.cloud.catalog.store;

import io.stocksense.config.Device;
import io.stocksense.config.Gateway;
import io.stocksense.config.Location;
import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.config.Warehouse;
import io.stocksense.config.Zone;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Upserts a site's master data (products, warehouses, zones with temperature limits, locations,
 * gateways, devices) in one transaction. Running it again with the same site changes nothing, and a
 * changed site file updates names, units and limits. Nothing is deleted: ledger rows may refer to it.
 *
 * <p>Blocking; call from a worker thread.
 */
public final class SiteSeeder {

    private final DataSource dataSource;

    public SiteSeeder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void seed(Site site) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Product p : site.products()) {
                    upsertProduct(c, p);
                }
                for (Warehouse w : site.warehouses()) {
                    upsertWarehouse(c, site.siteId(), w);
                }
                for (Gateway g : site.gateways()) {
                    upsertGateway(c, site.siteId(), g);
                }
                for (Device d : site.devices()) {
                    upsertDevice(c, site.siteId(), d);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void upsertProduct(Connection c, Product p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO product (sku, name, gtin, company_prefix_length, unit, unit_weight_grams)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, gtin = EXCLUDED.gtin,"
                + " company_prefix_length = EXCLUDED.company_prefix_length, unit = EXCLUDED.unit,"
                + " unit_weight_grams = EXCLUDED.unit_weight_grams, updated_at = now()")) {
            ps.setString(1, p.sku());
            ps.setString(2, p.name());
            ps.setString(3, p.gtin());
            ps.setInt(4, p.companyPrefixLength());
            ps.setString(5, p.unit());
            ps.setBigDecimal(6, p.unitWeightGrams());
            ps.executeUpdate();
        }
    }

    private static void upsertWarehouse(Connection c, String siteId, Warehouse w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO warehouse (code, name, site_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, site_id = EXCLUDED.site_id, updated_at = now()")) {
            ps.setString(1, w.code());
            ps.setString(2, w.name());
            ps.setString(3, siteId);
            ps.executeUpdate();
        }
        for (Zone z : w.zones()) {
            upsertZone(c, w.code(), z);
        }
        for (Location l : w.locations()) {
            upsertLocation(c, w.code(), l);
        }
    }

    private static void upsertZone(Connection c, String warehouse, Zone z) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO zone (warehouse, code, name, min_c, max_c, alarm_delay_seconds)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (warehouse, code) DO UPDATE SET name = EXCLUDED.name,"
                + " min_c = EXCLUDED.min_c, max_c = EXCLUDED.max_c, alarm_delay_seconds = EXCLUDED.alarm_delay_seconds")) {
            ps.setString(1, warehouse);
            ps.setString(2, z.code());
            ps.setString(3, z.name());
            if (z.temperature() == null) {
                ps.setNull(4, Types.DOUBLE);
                ps.setNull(5, Types.DOUBLE);
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setDouble(4, z.temperature().minC());
                ps.setDouble(5, z.temperature().maxC());
                ps.setLong(6, z.temperature().alarmDelay().toSeconds());
            }
            ps.executeUpdate();
        }
    }

    private static void upsertLocation(Connection c, String warehouse, Location l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO location (warehouse, code, name, zone, kind) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (warehouse, code) DO UPDATE SET name = EXCLUDED.name, zone = EXCLUDED.zone, kind = EXCLUDED.kind")) {
            ps.setString(1, warehouse);
            ps.setString(2, l.code());
            ps.setString(3, l.name());
            ps.setString(4, l.zone());
            ps.setString(5, l.kind() == null ? null : l.kind().yamlName());
            ps.executeUpdate();
        }
    }

    private static void upsertGateway(Connection c, String siteId, Gateway g) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gateway (site_id, id, name, warehouse) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (site_id, id) DO UPDATE SET name = EXCLUDED.name, warehouse = EXCLUDED.warehouse")) {
            ps.setString(1, siteId);
            ps.setString(2, g.id());
            ps.setString(3, g.name());
            ps.setString(4, g.warehouse());
            ps.executeUpdate();
        }
    }

    private static void upsertDevice(Connection c, String siteId, Device d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (site_id, id, gateway, family, transport, address, codec,"
                + " warehouse, location, zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, id) DO UPDATE SET"
                + " gateway = EXCLUDED.gateway, family = EXCLUDED.family, transport = EXCLUDED.transport,"
                + " address = EXCLUDED.address, codec = EXCLUDED.codec, warehouse = EXCLUDED.warehouse,"
                + " location = EXCLUDED.location, zone = EXCLUDED.zone")) {
            ps.setString(1, siteId);
            ps.setString(2, d.id());
            ps.setString(3, d.gateway());
            ps.setString(4, d.family().yamlName());
            ps.setString(5, d.transport().yamlName());
            ps.setString(6, d.address());
            ps.setString(7, d.codec());
            ps.setString(8, d.warehouse());
            ps.setString(9, d.location());
            ps.setString(10, d.zone());
            ps.executeUpdate();
        }
    }
}
