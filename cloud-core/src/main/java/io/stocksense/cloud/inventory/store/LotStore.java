package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.LotRequest;
import io.stocksense.cloud.inventory.api.LotView;
import io.stocksense.cloud.inventory.api.StockLevelView;
import io.stocksense.cloud.inventory.api.StockQuery;
import io.stocksense.cloud.inventory.domain.StockConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.stocksense.cloud.inventory.store.LedgerStore.plain;
import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Lots as master data: a lot code per product with its expiry and production dates. Only a product
 * that tracks lots or expiry has lots; one that tracks expiry needs an expiry date on every lot.
 *
 * <p>Blocking; call from a worker thread. Unknown products are an empty {@link Optional} (404), bad
 * input an {@code InvalidStockRequestException} (400), an existing lot code a {@link StockConflictException} (409).
 */
public final class LotStore {

    private static final String COLUMNS = "k.sku, k.lot, k.expiry_date, k.production_date, k.note, k.created_by, k.created_at,"
            + " p.unit, COALESCE((SELECT SUM(l.quantity) FROM stock_level l WHERE l.sku = k.sku AND l.lot = k.lot), 0)";

    private final DataSource dataSource;
    private final Transactions tx;

    public LotStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    /** Registers a lot of {@code sku}; empty when there is no such product. */
    public Optional<LotView> create(String sku, LotRequest r, String user) throws SQLException {
        if (r.productionDate() != null && r.expiry() != null && r.productionDate().isAfter(r.expiry())) {
            throw invalid("productionDate " + r.productionDate() + " is after expiry " + r.expiry());
        }
        return tx.run(c -> {
            Optional<Tracking> t = tracking(c, sku);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            if (!t.get().lots()) {
                throw invalid("product " + sku + " tracks neither lots nor expiry; set trackLot (or trackExpiry) with"
                        + " PATCH /api/v1/products/" + sku + " first");
            }
            if (t.get().expiry() && r.expiry() == null) {
                throw invalid("expiry is required: product " + sku + " tracks expiry (an ISO date such as 2026-12-31)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_lot (sku, lot, expiry_date, production_date, note,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku, lot) DO NOTHING")) {
                ps.setString(1, sku);
                ps.setString(2, r.lot());
                ps.setDate(3, date(r.expiry()));
                ps.setDate(4, date(r.productionDate()));
                ps.setString(5, r.note());
                ps.setString(6, user);
                if (ps.executeUpdate() == 0) {
                    throw new StockConflictException("lot-exists", "Lot already exists", "product " + sku + " already has a lot "
                            + r.lot() + "; see GET /api/v1/products/" + sku + "/lots", Map.of("sku", sku, "lot", r.lot()));
                }
            }
            return read(c, sku, r.lot(), true);
        });
    }

    /** The lots of {@code sku} (all products when null), soonest expiry first; empty when the product is unknown. */
    public Optional<List<LotView>> list(String sku, LocalDate expiresBefore, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (sku != null && tracking(c, sku).isEmpty()) {
                return Optional.empty();
            }
            List<LotView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stock_lot k JOIN product p USING (sku)"
                    + " WHERE (?::text IS NULL OR k.sku = ?) AND (?::date IS NULL OR k.expiry_date < ?)"
                    + " ORDER BY k.expiry_date NULLS LAST, k.sku, k.lot LIMIT ?")) {
                ps.setString(1, sku);
                ps.setString(2, sku);
                ps.setDate(3, date(expiresBefore));
                ps.setDate(4, date(expiresBefore));
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(view(rs, List.of()));
                    }
                }
            }
            return Optional.of(out);
        }
    }

    /** One lot with its stock per warehouse × location. */
    public Optional<LotView> get(String sku, String lot) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return read(c, sku, lot, true);
        }
    }

    /** The levels with the expiry of their lot filled in; one query, none when no level has a lot. */
    public List<StockLevelView> withExpiry(List<StockLevelView> levels) throws SQLException {
        Set<String> skus = new LinkedHashSet<>();
        Set<String> lots = new LinkedHashSet<>();
        levels.stream().filter(l -> l.lot() != null).forEach(l -> {
            skus.add(l.sku());
            lots.add(l.lot());
        });
        if (lots.isEmpty()) {
            return levels;
        }
        Map<String, LocalDate> expiries = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sku, lot, expiry_date FROM stock_lot WHERE sku = ANY(?)"
                     + " AND lot = ANY(?) AND expiry_date IS NOT NULL")) {
            ps.setArray(1, c.createArrayOf("text", skus.toArray()));
            ps.setArray(2, c.createArrayOf("text", lots.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expiries.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getDate(3).toLocalDate());
                }
            }
        }
        List<StockLevelView> out = new ArrayList<>(levels.size());
        for (StockLevelView l : levels) {
            LocalDate expiry = l.lot() == null ? null : expiries.get(l.sku() + "\u0000" + l.lot());
            out.add(expiry == null ? l : l.withExpiry(expiry));
        }
        return out;
    }

    private Optional<LotView> read(Connection c, String sku, String lot, boolean withStock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM stock_lot k JOIN product p USING (sku)"
                + " WHERE k.sku = ? AND k.lot = ?")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LocalDate expiry = rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate();
                List<StockLevelView> stock = new ArrayList<>();
                if (withStock) {
                    for (StockLevelView l : InventoryQueries.levels(c, new StockQuery.Levels(sku, null, null))) {
                        if (lot.equals(l.lot())) {
                            stock.add(l.withExpiry(expiry));
                        }
                    }
                }
                return Optional.of(view(rs, stock));
            }
        }
    }

    private static LotView view(ResultSet rs, List<StockLevelView> stock) throws SQLException {
        return new LotView(rs.getString(1), rs.getString(2), local(rs.getDate(3)), local(rs.getDate(4)), rs.getString(5),
                plain(rs.getBigDecimal(9)), rs.getString(8), rs.getString(6), rs.getTimestamp(7).toInstant(), stock);
    }

    /** Whether the product tracks lots and expiry; empty when it does not exist. */
    record Tracking(boolean lot, boolean expiry) {
        boolean lots() {
            return lot || expiry;
        }
    }

    static Optional<Tracking> tracking(Connection c, String sku) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT track_lot, track_expiry FROM product WHERE sku = ?")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Tracking(rs.getBoolean(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /**
     * Stock of a lot- or expiry-tracked product enters a location only with a registered lot, so every
     * unit has a known expiry. Checked for the inbound lines of manual postings; device movements are
     * facts and are posted as the devices saw them.
     */
    static void checkInbound(Connection c, String sku, String lot) throws SQLException {
        Optional<Tracking> t = tracking(c, sku);
        if (t.isEmpty() || !t.get().lots()) {
            return;
        }
        if (lot.isEmpty()) {
            throw invalid("lot is required: product " + sku + " tracks " + (t.get().lot ? "lots" : "expiry")
                    + "; register lots with POST /api/v1/products/" + sku + "/lots");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM stock_lot WHERE sku = ? AND lot = ?")) {
            ps.setString(1, sku);
            ps.setString(2, lot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw invalid("unknown lot " + lot + " of " + sku + "; register it with POST /api/v1/products/" + sku + "/lots");
                }
            }
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
