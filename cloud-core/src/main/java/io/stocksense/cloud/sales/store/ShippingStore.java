package io.stocksense.cloud.sales.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.DocumentConflicts;
import io.stocksense.cloud.documents.DocumentLine;
import io.stocksense.cloud.documents.MasterDataChecks;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.store.StockPoster;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.sales.api.PickListView;
import io.stocksense.cloud.sales.api.SalesOrderView;
import io.stocksense.cloud.sales.api.ShipmentView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Goods out to customers and back. A manual shipment posts each line's quantity out of the key its
 * reservation holds ({@code sales-shipment}) and consumes the reservation; a portal shipment
 * ({@link PortalShipmentMatcher}) records what an outbound device movement, already posted,
 * accounts for. A sales return posts the goods back in ({@code sales-return}), to the warehouse's
 * quarantine location when they need inspection. Finance costs each on the same transaction.
 * Blocking; call from a worker thread.
 */
public final class ShippingStore {

    static final String[] SHIPPABLE = {"confirmed", "picking", "partially-shipped"};

    private final DataSource dataSource;
    private final Transactions tx;
    private final SalesBookkeeping books;
    private final StockPoster poster = new StockPoster();

    public ShippingStore(DataSource dataSource, SalesBookkeeping books) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.books = books;
    }

    public Optional<ShipmentView> ship(long soId, List<DocumentLine> lines, LocalDate date, String user) throws SQLException {
        return tx.run(c -> {
            Optional<SalesOrderView> found = SalesOrderReader.load(c, soId, true);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SalesOrderView so = found.get();
            SalesOrderReader.requireStatus(so, "shipped", SHIPPABLE);
            List<StockOperation.Line> stock = new ArrayList<>();
            List<ShipmentView.Line> shipped = new ArrayList<>();
            String from = null;
            for (DocumentLine d : lines) {
                SalesOrderView.Line l = SalesOrderReader.line(so, d.line());
                StockRequestChecks.quantity(d.quantity(), true);
                PickListView.Pick r = Reservations.reservation(c, soId, l.line());
                if (r == null || d.quantity().compareTo(r.quantity()) > 0) {
                    throw DocumentConflicts.conflict("more-than-reserved", "More than reserved", "line " + l.line() + " ("
                            + l.sku() + ") has " + (r == null ? "0" : Amounts.plain(r.quantity()).toPlainString())
                            + " reserved and not yet shipped", Map.of("line", l.line()));
                }
                from = r.location();
                stock.add(new StockOperation.Line(new StockKey(l.sku(), so.warehouse(), r.location(), r.lot()),
                        d.quantity().negate(), l.unit(), "SALES_SHIPMENT"));
                shipped.add(new ShipmentView.Line(l.line(), l.sku(), d.quantity(), l.unit(), null, List.of()));
            }
            long id = recordShipment(c, so, "manual", null, null, from, date == null ? LocalDate.now() : date, user, shipped);
            poster.post(c, new StockOperation("sales-shipment", "shipment:" + id, so.number(), user, stock));
            return Optional.of(shipment(c, id));
        });
    }

    /** Records goods an outbound portal already posted as a shipment of the given order lines (ingest transaction). */
    long recordPortal(Connection c, long soId, String eventId, String deviceId, String location, LocalDate date,
                      List<ShipmentView.Line> lines) throws SQLException {
        SalesOrderView so = SalesOrderReader.load(c, soId, true).orElseThrow();
        return recordShipment(c, so, "portal", eventId, deviceId, location, date, "device:" + deviceId, lines);
    }

    /** Takes goods back: to {@code location}, or with {@code inspection} to the warehouse's quarantine location. */
    public Optional<ShipmentView> returnGoods(long soId, List<DocumentLine> lines, String location, boolean inspection,
                                              String reason, LocalDate date, String user) throws SQLException {
        return tx.run(c -> {
            Optional<SalesOrderView> found = SalesOrderReader.load(c, soId, true);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SalesOrderView so = found.get();
            String at = location != null ? location
                    : inspection ? MasterDataChecks.quarantine(c, so.warehouse())
                    : so.location();
            StockRequestChecks.location(c, "location", so.warehouse(), at);
            LocalDate day = date == null ? LocalDate.now() : date;
            long id = Sql.insert(c, "INSERT INTO sales_return (so_id, warehouse, location, inspection, return_date, reason,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", soId, so.warehouse(), at, inspection, day, reason, user);
            List<StockOperation.Line> stock = new ArrayList<>();
            List<ShipmentView.Line> back = new ArrayList<>();
            for (DocumentLine d : lines) {
                SalesOrderView.Line l = SalesOrderReader.line(so, d.line());
                StockRequestChecks.quantity(d.quantity(), true);
                if (d.quantity().compareTo(l.shipped().subtract(l.returned())) > 0) {
                    throw DocumentConflicts.conflict("more-than-shipped", "More than shipped", "line " + l.line() + " ("
                            + l.sku() + ") has " + l.shipped().subtract(l.returned()).toPlainString()
                            + " shipped and not yet returned", Map.of("line", l.line()));
                }
                Sql.update(c, "INSERT INTO sales_return_line (return_id, so_line_no, sku, quantity, unit) VALUES (?, ?, ?, ?, ?)",
                        id, l.line(), l.sku(), d.quantity(), l.unit());
                Sql.update(c, "UPDATE sales_order_line SET returned = returned + ? WHERE so_id = ? AND line_no = ?",
                        d.quantity(), soId, l.line());
                stock.add(new StockOperation.Line(new StockKey(l.sku(), so.warehouse(), at, ""), d.quantity(), l.unit(),
                        "SALES_RETURN"));
                back.add(new ShipmentView.Line(l.line(), l.sku(), d.quantity(), l.unit(), null, List.of()));
            }
            poster.post(c, new StockOperation("sales-return", "sales-return:" + id, reason, user, stock));
            books.goodsReturned(c, so, id, day, back);
            List<ShipmentView.Line> costed = Sql.list(c, "SELECT * FROM sales_return_line WHERE return_id = ? ORDER BY so_line_no",
                    rs -> new ShipmentView.Line(rs.getInt("so_line_no"), rs.getString("sku"), Amounts.plain(rs.getBigDecimal("quantity")),
                            rs.getString("unit"), rs.getBigDecimal("cost"), List.of()), id);
            return Optional.of(new ShipmentView(id, soId, inspection ? "return-inspection" : "return", null, null,
                    so.warehouse(), at, day, user, costed));
        });
    }

    public List<ShipmentView> shipments(long soId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<ShipmentView> out = new ArrayList<>();
            for (long id : Sql.list(c, "SELECT id FROM shipment WHERE so_id = ? ORDER BY id", rs -> rs.getLong(1), soId)) {
                out.add(shipment(c, id));
            }
            return out;
        }
    }

    public Optional<PickListView> pickList(long soId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<SalesOrderView> so = SalesOrderReader.load(c, soId, false);
            if (so.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PickListView(soId, so.get().number(), so.get().warehouse(), Reservations.picks(c, so.get())));
        }
    }

    private long recordShipment(Connection c, SalesOrderView so, String source, String eventId, String deviceId, String location,
                                LocalDate date, String user, List<ShipmentView.Line> lines) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO shipment (so_id, source, event_id, device_id, warehouse, location, ship_date,"
                + " shipped_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", so.id(), source, eventId, deviceId,
                so.warehouse(), location, date, user);
        for (ShipmentView.Line l : lines) {
            Sql.update(c, "INSERT INTO shipment_line (shipment_id, so_line_no, sku, quantity, unit, epcs) VALUES (?, ?, ?, ?, ?, ?)",
                    id, l.line(), l.sku(), l.quantity(), l.unit(), l.epcs());
            Sql.update(c, "UPDATE sales_order_line SET shipped = shipped + ? WHERE so_id = ? AND line_no = ?",
                    l.quantity(), so.id(), l.line());
            Reservations.consume(c, so.id(), l.line(), l.quantity());
        }
        boolean all = Sql.list(c, "SELECT shipped >= quantity FROM sales_order_line WHERE so_id = ?", rs -> rs.getBoolean(1),
                so.id()).stream().allMatch(b -> b);
        SalesOrderReader.setStatus(c, so.id(), all ? "shipped" : "partially-shipped");
        books.goodsShipped(c, so, id, date, lines);
        return id;
    }

    private static ShipmentView shipment(Connection c, long id) throws SQLException {
        List<ShipmentView.Line> lines = Sql.list(c, "SELECT * FROM shipment_line WHERE shipment_id = ? ORDER BY so_line_no",
                rs -> new ShipmentView.Line(rs.getInt("so_line_no"), rs.getString("sku"), Amounts.plain(rs.getBigDecimal("quantity")),
                        rs.getString("unit"), rs.getBigDecimal("cogs"), List.of((String[]) rs.getArray("epcs").getArray())), id);
        return Sql.one(c, "SELECT * FROM shipment WHERE id = ?", rs -> new ShipmentView(id, rs.getLong("so_id"),
                rs.getString("source"), rs.getString("event_id"), rs.getString("device_id"), rs.getString("warehouse"),
                rs.getString("location"), Sql.date(rs, "ship_date"), rs.getString("shipped_by"), lines), id).orElseThrow();
    }
}
