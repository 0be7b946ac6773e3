package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.MoveRequest;
import io.stocksense.cloud.inventory.api.MovementView;
import io.stocksense.cloud.inventory.api.StockChangeRequest;
import io.stocksense.cloud.inventory.domain.StockKey;
import io.stocksense.cloud.inventory.domain.StockOperation;
import io.stocksense.cloud.inventory.domain.StockValuation;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.stocksense.cloud.inventory.store.StockRequestChecks.invalid;

/**
 * Manual stock operations inside one warehouse: adjustments, scrap (write-off) and moves between
 * locations. Each is one transaction posting one or two ledger rows through {@link StockPoster}. An
 * adjustment is valued and journalled as an inventory gain or loss, scrap as a write-off
 * ({@link StockValuation}); a move changes no value. None may take stock reserved by open sales
 * orders (see {@link StockPoster}).
 *
 * <p>Blocking; call from a worker thread. Throws {@code InvalidStockRequestException} for a request
 * that names unknown master data, {@code StockConflictException} when stock would go negative, and
 * {@link SQLException} when the database fails.
 */
public final class InventoryCommands {

    private final Transactions tx;
    private final StockPoster poster = new StockPoster();
    private final StockValuation valuation;

    public InventoryCommands(DataSource dataSource, StockValuation valuation) {
        this.tx = new Transactions(dataSource);
        this.valuation = valuation;
    }

    /** A signed correction of one key, with its reason and user. */
    public List<MovementView> adjust(StockChangeRequest r, String user) throws SQLException {
        StockRequestChecks.quantity(r.quantity(), false);
        if (r.quantity().signum() < 0 && !r.epcs().isEmpty()) {
            throw invalid("serialized items leave through POST /api/v1/scrap (or a transfer), not a negative adjustment");
        }
        ItemMoves.checkCount("adjustment", r.quantity(), r.epcs());
        return tx.run(c -> {
            String unit = StockRequestChecks.productUnit(c, r.sku(), r.unit());
            StockRequestChecks.location(c, "location", r.warehouse(), r.location());
            StockKey key = new StockKey(r.sku(), r.warehouse(), r.location(), r.lot());
            StockOperation op = new StockOperation(StockOperation.ADJUSTMENT, ref("adj"), r.reason(), user,
                    List.of(new StockOperation.Line(key, r.quantity(), unit, "ADJUSTMENT", r.epcs())));
            List<MovementView> rows = poster.post(c, op);
            valuation.value(c, StockValuation.GAIN_OR_LOSS, op);
            return rows;
        });
    }

    /** Writes off a positive quantity of one key (damaged, expired, lost), with its reason and user. */
    public List<MovementView> scrap(StockChangeRequest r, String user) throws SQLException {
        StockRequestChecks.quantity(r.quantity(), true);
        ItemMoves.checkCount("scrap", r.quantity(), r.epcs());
        return tx.run(c -> {
            String unit = StockRequestChecks.productUnit(c, r.sku(), r.unit());
            StockRequestChecks.location(c, "location", r.warehouse(), r.location());
            StockKey key = new StockKey(r.sku(), r.warehouse(), r.location(), r.lot());
            StockOperation op = new StockOperation(StockOperation.SCRAP, ref("scrap"), r.reason(), user,
                    List.of(new StockOperation.Line(key, r.quantity().negate(), unit, "SCRAP", r.epcs())));
            List<MovementView> rows = poster.post(c, op);
            valuation.value(c, StockValuation.WRITE_OFF, op);
            return rows;
        });
    }

    /** Moves a positive quantity between two locations of one warehouse: two rows, one transaction. */
    public List<MovementView> move(MoveRequest r, String user) throws SQLException {
        StockRequestChecks.quantity(r.quantity(), true);
        if (r.from().equals(r.to())) {
            throw invalid("from and to are the same location " + r.from());
        }
        return tx.run(c -> {
            String unit = StockRequestChecks.productUnit(c, r.sku(), r.unit());
            StockRequestChecks.location(c, "from", r.warehouse(), r.from());
            StockRequestChecks.location(c, "to", r.warehouse(), r.to());
            StockKey from = new StockKey(r.sku(), r.warehouse(), r.from(), r.lot());
            StockKey to = new StockKey(r.sku(), r.warehouse(), r.to(), r.lot());
            return poster.post(c, new StockOperation(StockOperation.MOVE, ref("move"), r.reason(), user, List.of(
                    new StockOperation.Line(from, r.quantity().negate(), unit, "MOVE_OUT"),
                    new StockOperation.Line(to, r.quantity(), unit, "MOVE_IN"))));
        });
    }

    /** A document reference for operations that have no document table of their own. */
    private static String ref(String prefix) {
        return prefix + ":" + UUID.randomUUID();
    }
}
