package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.api.LocationView;
import io.stocksense.cloud.catalog.api.ProductView;
import io.stocksense.cloud.catalog.api.WarehouseView;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of master data for the REST API. Blocking; call from a worker thread. */
public final class CatalogStore {

    private final DataSource dataSource;

    public CatalogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ProductView> products() throws SQLException {
        List<ProductView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sku, name, gtin, unit, unit_weight_grams FROM product ORDER BY sku");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BigDecimal w = rs.getBigDecimal(5);
                out.add(new ProductView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        w == null ? null : w.stripTrailingZeros()));
            }
        }
        return out;
    }

    public List<LocationView> locations() throws SQLException {
        List<LocationView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT code, name, warehouse, zone, kind FROM location ORDER BY warehouse, code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LocationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    public List<WarehouseView> warehouses() throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<WarehouseView.ZoneView>> zones = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, name FROM warehouse ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                    zones.put(rs.getString(1), new ArrayList<>());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT warehouse, code, name, min_c, max_c, alarm_delay_seconds FROM zone ORDER BY warehouse, code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    zones.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new WarehouseView.ZoneView(
                            rs.getString(2), rs.getString(3), (Double) rs.getObject(4), (Double) rs.getObject(5),
                            (Long) rs.getObject(6)));
                }
            }
        }
        List<WarehouseView> out = new ArrayList<>();
        names.forEach((code, name) -> out.add(new WarehouseView(code, name, zones.get(code))));
        return out;
    }
}
