package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.api.LocationNode;
import io.stocksense.cloud.catalog.api.LocationView;
import io.stocksense.cloud.catalog.api.Page;
import io.stocksense.cloud.catalog.domain.Decimals;
import io.stocksense.cloud.catalog.domain.MasterDataConflictException;
import io.stocksense.cloud.catalog.domain.StorageLocation;
import io.stocksense.cloud.catalog.domain.ValidationException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The location tree of each warehouse. Blocking; call from a worker thread. References (warehouse,
 * parent, zone) are checked before writing and reported as field errors; a parent change that would
 * make a cycle is refused. A location with children or stock is not deleted (409).
 */
public final class LocationStore {

    private static final String SELECT = "SELECT code, name, warehouse, zone, kind, parent, capacity FROM location";

    private final DataSource dataSource;

    public LocationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<LocationView> search(String warehouse, String parent, String q, int page, int size) throws SQLException {
        SqlSearch s = new SqlSearch().equal("warehouse", warehouse).equal("parent", parent).text(q, "code", "name", "zone", "kind");
        try (Connection c = dataSource.getConnection()) {
            return new Page<>(s.page(c, SELECT, "warehouse, code", page, size, LocationStore::map), s.count(c, "location"), page, size);
        }
    }

    public Optional<LocationView> find(String warehouse, String code) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, warehouse, code);
        }
    }

    /** The roots of each warehouse's tree (or of one warehouse), children nested, by code. */
    public Map<String, List<LocationNode>> tree(String warehouse) throws SQLException {
        List<LocationView> all;
        try (Connection c = dataSource.getConnection()) {
            all = new SqlSearch().equal("warehouse", warehouse).page(c, SELECT, "warehouse, code", 1, Integer.MAX_VALUE, LocationStore::map);
        }
        Map<String, List<LocationNode>> out = new LinkedHashMap<>();
        for (LocationView l : all) {
            if (l.parent() == null) {
                out.computeIfAbsent(l.warehouse(), w -> new ArrayList<>()).add(node(l, all, new HashSet<>()));
            }
        }
        return out;
    }

    public void create(StorageLocation l) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            checkReferences(c, l);
            if (find(c, l.warehouse(), l.code()).isPresent()) {
                throw new MasterDataConflictException("location '" + l.code() + "' already exists in warehouse '" + l.warehouse()
                        + "'; use PUT or PATCH /api/v1/locations/" + l.warehouse() + "/" + l.code() + " to change it");
            }
            write(c, "INSERT INTO location (name, zone, kind, parent, capacity, warehouse, code) VALUES (?, ?, ?, ?, ?, ?, ?)", l);
        }
    }

    /** Replaces a location; false when there is none. */
    public boolean update(StorageLocation l) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (find(c, l.warehouse(), l.code()).isEmpty()) {
                return false;
            }
            checkReferences(c, l);
            for (String p = l.parent(); p != null; p = find(c, l.warehouse(), p).map(LocationView::parent).orElse(null)) {
                if (p.equals(l.code())) {
                    throw new ValidationException("parent", "'" + l.parent() + "' lies below '" + l.code() + "'; the tree would have a cycle");
                }
            }
            write(c, "UPDATE location SET name = ?, zone = ?, kind = ?, parent = ?, capacity = ? WHERE warehouse = ? AND code = ?", l);
            return true;
        }
    }

    public boolean delete(String warehouse, String code) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (flag(c, "SELECT EXISTS (SELECT 1 FROM location WHERE warehouse = ? AND parent = ?)", warehouse, code)) {
                throw new MasterDataConflictException("location '" + code + "' has child locations; move or delete them first");
            }
            if (flag(c, "SELECT EXISTS (SELECT 1 FROM stock_ledger WHERE warehouse = ? AND location = ?)"
                    + " OR EXISTS (SELECT 1 FROM stock_level WHERE warehouse = ? AND location = ?)", warehouse, code, warehouse, code)) {
                throw new MasterDataConflictException("location '" + code + "' has stock ledger rows and cannot be deleted");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM location WHERE warehouse = ? AND code = ?")) {
                ps.setString(1, warehouse);
                ps.setString(2, code);
                return ps.executeUpdate() == 1;
            }
        }
    }

    private static void checkReferences(Connection c, StorageLocation l) throws SQLException {
        if (!flag(c, "SELECT EXISTS (SELECT 1 FROM warehouse WHERE code = ?)", l.warehouse())) {
            throw new ValidationException("warehouse", "no warehouse '" + l.warehouse() + "'; create it with POST /api/v1/warehouses");
        }
        if (l.parent() != null && find(c, l.warehouse(), l.parent()).isEmpty()) {
            throw new ValidationException("parent", "no location '" + l.parent() + "' in warehouse '" + l.warehouse() + "'");
        }
        if (l.zone() != null && !flag(c, "SELECT EXISTS (SELECT 1 FROM zone WHERE warehouse = ? AND code = ?)", l.warehouse(), l.zone())) {
            throw new ValidationException("zone", "no climate zone '" + l.zone() + "' in warehouse '" + l.warehouse() + "'");
        }
    }

    private static void write(Connection c, String sql, StorageLocation l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, l.name());
            ps.setString(2, l.zone());
            ps.setString(3, l.kind());
            ps.setString(4, l.parent());
            ps.setBigDecimal(5, l.capacity());
            ps.setString(6, l.warehouse());
            ps.setString(7, l.code());
            ps.executeUpdate();
        }
    }

    private static Optional<LocationView> find(Connection c, String warehouse, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE warehouse = ? AND code = ?")) {
            ps.setString(1, warehouse);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    static boolean flag(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static LocationNode node(LocationView l, List<LocationView> all, Set<String> seen) {
        seen.add(l.code());
        List<LocationNode> children = new ArrayList<>();
        for (LocationView child : all) {
            if (l.code().equals(child.parent()) && l.warehouse().equals(child.warehouse()) && !seen.contains(child.code())) {
                children.add(node(child, all, seen));
            }
        }
        return new LocationNode(l.code(), l.name(), l.kind(), l.zone(), l.capacity(), children);
    }

    private static LocationView map(ResultSet rs) throws SQLException {
        return new LocationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Decimals.quantity(rs.getBigDecimal(7)));
    }
}
