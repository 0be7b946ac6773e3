package io.stocksense.cloud.forecast.store;

import io.stocksense.cloud.documents.Amounts;
import io.stocksense.cloud.documents.Sql;
import io.stocksense.cloud.forecast.domain.DemandForecaster;
import io.stocksense.cloud.inventory.store.StockRequestChecks;
import io.stocksense.cloud.inventory.store.Transactions;
import io.stocksense.cloud.purchasing.api.RequisitionView;
import io.stocksense.cloud.purchasing.store.RequisitionStore;
import io.stocksense.cloud.web.ApiJson;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Demand history, forecasts and reorder suggestions per SKU and warehouse. A SKU's daily demand is
 * its imported history plus what it shipped and sold at the POS, over the {@link #HISTORY_DAYS} days
 * before {@code asOf}. The lead time is that of the supplier of the SKU's latest purchase order (7
 * days without one). Suggestions become {@code forecast} requisitions that keep the suggestion,
 * backtest error included, in their detail. Blocking.
 */
public final class ForecastStore {

    public static final int HISTORY_DAYS = 56;
    static final int DEFAULT_LEAD_TIME = 7;
    static final double Z_95 = 1.65;

    private final DataSource dataSource;
    private final Transactions tx;
    private final RequisitionStore requisitions;

    public ForecastStore(DataSource dataSource, RequisitionStore requisitions) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.requisitions = requisitions;
    }

    /** Stores (replaces) the demand of consecutive days from {@code start}; returns the number of days. */
    public int importHistory(String sku, String warehouse, LocalDate start, List<BigDecimal> quantities) throws SQLException {
        return tx.run(c -> {
            StockRequestChecks.productUnit(c, sku, null);
            StockRequestChecks.warehouse(c, warehouse);
            for (int i = 0; i < quantities.size(); i++) {
                if (quantities.get(i).signum() < 0) {
                    throw StockRequestChecks.invalid("quantities[" + i + "] must not be negative");
                }
                Sql.update(c, "INSERT INTO demand_history (sku, warehouse, day, quantity) VALUES (?, ?, ?, ?) ON CONFLICT"
                        + " (sku, warehouse, day) DO UPDATE SET quantity = EXCLUDED.quantity", sku, warehouse, start.plusDays(i),
                        quantities.get(i));
            }
            return quantities.size();
        });
    }

    public List<SuggestionView> suggestions(String warehouse, LocalDate asOf, String sku) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return suggestions(c, warehouse, asOf == null ? LocalDate.now() : asOf, sku);
        }
    }

    /** Turns every suggestion with a quantity into a requisition, unless the SKU already has an open one. */
    public List<RequisitionView> requisitions(String warehouse, LocalDate asOf, String sku, String user) throws SQLException {
        return tx.run(c -> {
            List<RequisitionView> out = new ArrayList<>();
            for (SuggestionView s : suggestions(c, warehouse, asOf == null ? LocalDate.now() : asOf, sku)) {
                boolean open = Sql.one(c, "SELECT 1 FROM requisition WHERE sku = ? AND warehouse = ? AND status = 'open'",
                        rs -> 1, s.sku(), s.warehouse()).isPresent();
                if (s.suggestedQuantity().signum() > 0 && !open) {
                    out.add(requisitions.create(c, s.sku(), s.warehouse(), s.suggestedQuantity(), s.supplier(),
                            (asOf == null ? LocalDate.now() : asOf).plusDays(s.leadTimeDays()), "suggested by the "
                                    + s.method() + " forecast (backtest MASE " + s.backtest().mase() + ")", "forecast",
                            ApiJson.MAPPER.valueToTree(s), user));
                }
            }
            return out;
        });
    }

    private List<SuggestionView> suggestions(Connection c, String warehouse, LocalDate asOf, String only) throws SQLException {
        LocalDate from = asOf.minusDays(HISTORY_DAYS);
        List<String> skus = Sql.list(c, "SELECT sku FROM demand_history WHERE warehouse = ? AND day >= ? AND day < ?"
                + " UNION SELECT sl.sku FROM shipment_line sl JOIN shipment s ON s.id = sl.shipment_id WHERE s.warehouse = ?"
                + " AND s.ship_date >= ? AND s.ship_date < ? UNION SELECT pl.sku FROM pos_sale_line pl JOIN pos_sale p"
                + " ON p.id = pl.sale_id WHERE p.warehouse = ? AND p.sale_date >= ? AND p.sale_date < ? ORDER BY 1",
                rs -> rs.getString(1), warehouse, from, asOf, warehouse, from, asOf, warehouse, from, asOf);
        List<SuggestionView> out = new ArrayList<>();
        for (String sku : skus) {
            if (only == null || only.equals(sku)) {
                out.add(suggest(c, sku, warehouse, from, asOf));
            }
        }
        return out;
    }

    private SuggestionView suggest(Connection c, String sku, String warehouse, LocalDate from, LocalDate asOf) throws SQLException {
        double[] history = new double[(int) ChronoUnit.DAYS.between(from, asOf)];
        Sql.list(c, "SELECT day, SUM(q) FROM (SELECT day, quantity AS q FROM demand_history WHERE sku = ? AND warehouse = ?"
                + " UNION ALL SELECT s.ship_date, sl.quantity FROM shipment_line sl JOIN shipment s ON s.id = sl.shipment_id"
                + "   WHERE sl.sku = ? AND s.warehouse = ?"
                + " UNION ALL SELECT p.sale_date, pl.quantity FROM pos_sale_line pl JOIN pos_sale p ON p.id = pl.sale_id"
                + "   WHERE pl.sku = ? AND p.warehouse = ?) d WHERE day >= ? AND day < ? GROUP BY day", rs -> {
                    history[(int) ChronoUnit.DAYS.between(from, Sql.date(rs, "day"))] = rs.getBigDecimal(2).doubleValue();
                    return null;
                }, sku, warehouse, sku, warehouse, sku, warehouse, from, asOf);
        String[] supplier = Sql.one(c, "SELECT s.code, s.lead_time_days FROM purchase_order po JOIN purchase_order_line l"
                + " ON l.po_id = po.id JOIN supplier s ON s.code = po.supplier WHERE l.sku = ? ORDER BY po.id DESC LIMIT 1",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, sku).orElse(new String[] {null, null});
        int lead = supplier[1] == null ? DEFAULT_LEAD_TIME : Integer.parseInt(supplier[1]);
        DemandForecaster.Result f = DemandForecaster.forecast(history, lead + 7);
        double demand = 0;
        double review = 0;
        for (int i = 0; i < f.forecast().length; i++) {
            if (i < lead) {
                demand += f.forecast()[i];
            } else {
                review += f.forecast()[i];
            }
        }
        double safety = Z_95 * f.backtest().rmse() * Math.sqrt(lead);
        double rop = demand + safety;
        BigDecimal position = position(c, sku, warehouse);
        BigDecimal suggested = position.doubleValue() <= rop
                ? BigDecimal.valueOf(Math.ceil(rop + review - position.doubleValue())).max(BigDecimal.ZERO) : BigDecimal.ZERO;
        List<BigDecimal> next7 = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            next7.add(q(f.forecast()[i]));
        }
        List<BigDecimal> params = new ArrayList<>();
        for (double p : f.parameters()) {
            params.add(q(p));
        }
        DemandForecaster.Backtest b = f.backtest();
        return new SuggestionView(sku, warehouse, f.method(), params, history.length, next7, supplier[0], lead, q(demand), q(safety),
                q(rop), Amounts.plain(position), Amounts.plain(suggested), new SuggestionView.Backtest(b.holdout(), q(b.mase()),
                b.mape() == null ? null : q(b.mape()), q(b.rmse())), f.candidates());
    }

    /** On hand in the warehouse − reserved + still expected on open purchase orders. */
    private static BigDecimal position(Connection c, String sku, String warehouse) throws SQLException {
        return Sql.one(c, "SELECT COALESCE((SELECT SUM(quantity) FROM stock_level WHERE sku = ? AND warehouse = ?), 0)"
                + " - COALESCE((SELECT SUM(quantity) FROM stock_reservation WHERE sku = ? AND warehouse = ?), 0)"
                + " + COALESCE((SELECT SUM(GREATEST(l.quantity - l.received, 0)) FROM purchase_order_line l JOIN purchase_order po"
                + "   ON po.id = l.po_id WHERE l.sku = ? AND po.warehouse = ? AND po.status IN ('draft', 'awaiting-approval',"
                + "   'approved', 'sent', 'partially-received')), 0)", rs -> rs.getBigDecimal(1), sku, warehouse, sku, warehouse,
                sku, warehouse).orElseThrow();
    }

    /** Three decimals; null for a value that is not finite (an infinite MASE of a constant history). */
    private static BigDecimal q(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return Amounts.plain(BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP));
    }
}
