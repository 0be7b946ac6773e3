package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.domain.DeviceEntry;
import io.stocksense.cloud.catalog.domain.MasterDataConflictException;
import io.stocksense.cloud.catalog.domain.StorageWarehouse;
import io.stocksense.cloud.catalog.domain.ValidationException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Warehouses and devices written through the API. Blocking; call from a worker thread. A warehouse
 * with locations or stock is not deleted (409); a device must point at an existing warehouse/location.
 */
public final class FacilityStore {

    private static final String DEVICE_SELECT = "SELECT site_id, id, gateway, family, transport, address, codec, warehouse,"
            + " location, zone FROM device";

    private final DataSource dataSource;

    public FacilityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createWarehouse(StorageWarehouse w) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO warehouse (name, address, site_id, code) VALUES (?, ?, ?, ?)")) {
            bind(ps, w);
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new MasterDataConflictException("a warehouse '" + w.code() + "' already exists; use PUT /api/v1/warehouses/"
                        + w.code() + " to change it");
            }
            throw e;
        }
    }

    public boolean updateWarehouse(StorageWarehouse w) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE warehouse SET name = ?, address = ?, site_id = ?, updated_at = now()"
                     + " WHERE code = ?")) {
            bind(ps, w);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean deleteWarehouse(String code) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (LocationStore.flag(c, "SELECT EXISTS (SELECT 1 FROM location WHERE warehouse = ?) OR EXISTS (SELECT 1 FROM zone"
                    + " WHERE warehouse = ?) OR EXISTS (SELECT 1 FROM stock_ledger WHERE warehouse = ?)", code, code, code)) {
                throw new MasterDataConflictException("warehouse '" + code + "' still has zones, locations or stock ledger rows");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM warehouse WHERE code = ?")) {
                ps.setString(1, code);
                return ps.executeUpdate() == 1;
            }
        }
    }

    /** Devices, optionally only those in one warehouse, by site and id. */
    public List<DeviceEntry> devices(String warehouse) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new SqlSearch().equal("warehouse", warehouse).page(c, DEVICE_SELECT, "site_id, id", 1, Integer.MAX_VALUE,
                    rs -> new DeviceEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
        }
    }

    /** Registers a device; its site defaults to its warehouse's site. Returns it as stored. */
    public DeviceEntry createDevice(DeviceEntry d) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String site = d.siteId();
            if (d.warehouse() != null) {
                String whSite = siteOf(c, d.warehouse());
                if (whSite == null) {
                    throw new ValidationException("warehouse", "no warehouse '" + d.warehouse() + "'");
                }
                site = site == null ? whSite : site;
            }
            if (site == null) {
                throw new ValidationException("siteId", "is required when no warehouse is given");
            }
            if (d.location() != null && !LocationStore.flag(c, "SELECT EXISTS (SELECT 1 FROM location WHERE warehouse = ? AND code = ?)",
                    d.warehouse(), d.location())) {
                throw new ValidationException("location", "no location '" + d.location() + "' in warehouse '" + d.warehouse() + "'");
            }
            DeviceEntry stored = new DeviceEntry(site, d.id(), d.gateway(), d.family(), d.transport(), d.address(), d.codec(),
                    d.warehouse(), d.location(), d.zone());
            insertDevice(c, stored);
            return stored;
        }
    }

    private static void insertDevice(Connection c, DeviceEntry d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (site_id, id, gateway, family, transport, address, codec,"
                + " warehouse, location, zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            List<String> values = new ArrayList<>(List.of());
            values.add(d.siteId());
            values.add(d.id());
            values.add(d.gateway());
            values.add(d.family());
            values.add(d.transport());
            values.add(d.address());
            values.add(d.codec());
            values.add(d.warehouse());
            values.add(d.location());
            values.add(d.zone());
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new MasterDataConflictException("device '" + d.id() + "' already exists in site '" + d.siteId() + "'");
            }
            throw e;
        }
    }

    private static String siteOf(Connection c, String warehouse) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT site_id FROM warehouse WHERE code = ?")) {
            ps.setString(1, warehouse);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void bind(PreparedStatement ps, StorageWarehouse w) throws SQLException {
        ps.setString(1, w.name());
        ps.setString(2, w.address());
        ps.setString(3, w.siteId());
        ps.setString(4, w.code());
    }
}
