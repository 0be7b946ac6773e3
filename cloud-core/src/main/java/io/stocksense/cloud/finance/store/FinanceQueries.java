package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The journal as posted, and each product's costing (method, costed quantity and value, FIFO layers). Blocking. */
public final class FinanceQueries {

    public record JournalLineView(String account, BigDecimal debit, BigDecimal credit, String party) {
    }

    public record JournalEntryView(long id, LocalDate date, String docType, String docRef, String memo, List<JournalLineView> lines) {
    }

    public record LayerView(LocalDate date, String source, BigDecimal quantityIn, BigDecimal quantityLeft, BigDecimal unitCost) {
    }

    public record CostingView(String sku, String method, BigDecimal quantity, BigDecimal value, BigDecimal unitCost,
                              List<LayerView> layers) {
    }

    private final DataSource dataSource;
    private final Transactions tx;

    public FinanceQueries(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    public List<JournalEntryView> journal(LocalDate from, LocalDate to, String docRef, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<JournalEntryView> heads = Sql.list(c, "SELECT * FROM journal_entry WHERE (?::date IS NULL OR entry_date >= ?)"
                    + " AND (?::date IS NULL OR entry_date <= ?) AND (?::text IS NULL OR doc_ref = ?) ORDER BY id LIMIT ?",
                    rs -> new JournalEntryView(rs.getLong("id"), Sql.date(rs, "entry_date"), rs.getString("doc_type"),
                            rs.getString("doc_ref"), rs.getString("memo"), List.of()), from, from, to, to, docRef, docRef, limit);
            List<JournalEntryView> out = new java.util.ArrayList<>();
            for (JournalEntryView h : heads) {
                out.add(new JournalEntryView(h.id(), h.date(), h.docType(), h.docRef(), h.memo(), Sql.list(c,
                        "SELECT account, debit, credit, party FROM journal_line WHERE entry_id = ? ORDER BY line_no",
                        rs -> new JournalLineView(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)), h.id())));
            }
            return out;
        }
    }

    public Optional<CostingView> costing(String sku) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (Sql.one(c, "SELECT 1 FROM product WHERE sku = ?", rs -> 1, sku).isEmpty()) {
                return Optional.empty();
            }
            List<LayerView> layers = Sql.list(c, "SELECT layer_date, source_ref, quantity_in, quantity_left, unit_cost FROM cost_layer"
                    + " WHERE sku = ? AND quantity_left > 0 ORDER BY id", rs -> new LayerView(Sql.date(rs, "layer_date"),
                    rs.getString(2), Amounts.plain(rs.getBigDecimal(3)), Amounts.plain(rs.getBigDecimal(4)), rs.getBigDecimal(5)), sku);
            return Optional.of(Sql.one(c, "SELECT method, quantity, value FROM product_costing WHERE sku = ?", rs -> {
                BigDecimal q = rs.getBigDecimal(2);
                BigDecimal v = rs.getBigDecimal(3);
                return new CostingView(sku, rs.getString(1), Amounts.plain(q), v,
                        q.signum() == 0 ? null : v.divide(q, 4, RoundingMode.HALF_UP), layers);
            }, sku).orElse(new CostingView(sku, Costing.AVERAGE, BigDecimal.ZERO, new BigDecimal("0.00"), null, layers)));
        }
    }

    /** Sets a product's costing method; 409 while it has costed stock under the other method. */
    public Optional<CostingView> setMethod(String sku, String method) throws SQLException {
        if (!method.equals(Costing.AVERAGE) && !method.equals(Costing.FIFO)) {
            throw StockRequestChecks.invalid("method must be average or fifo, was '" + method + "'");
        }
        boolean done = tx.run(c -> {
            StockRequestChecks.productUnit(c, sku, null);
            return Costing.setMethod(c, sku, method);
        });
        if (!done) {
            throw io.stocksense.cloud.documents.DocumentConflicts.conflict("costed-stock", "Product has costed stock",
                    sku + " has costed stock under its current method; change the method when its costed quantity is zero",
                    Map.of("sku", sku));
        }
        return costing(sku);
    }
}
