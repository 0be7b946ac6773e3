package io.stocksense.cloud.finance.store;

import io.stocksense.cloud.finance.domain.Accounts;
import io.stocksense.cloud.finance.domain.JournalEntry;
import io.stocksense.cloud.inventory.domain.StockValuation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Values stock changes without a document through {@link Costing} and journals them against
 * inventory, in the caller's transaction:
 * <ul>
 * <li>a decrease is issued like a sale (FIFO consumes the oldest layers, average takes its share of
 *     the value) and costs {@code Dr 5200 inventory gains and losses} (or {@code 5300 write-off} for
 *     scrap) / {@code Cr 1200 inventory};</li>
 * <li>an increase is received at {@link Costing#unitCostNow} (a FIFO layer at that cost):
 *     {@code Dr 1200 / Cr 5200};</li>
 * <li>goods a portal received against no order are costed at zero: they count in the costed quantity
 *     (so average and FIFO stay in step with the stock), and post no journal line.</li>
 * </ul>
 * One entry per change set, with the lines netted, so it always balances.
 */
public final class InventoryValuation implements StockValuation {

    @Override
    public void value(Connection c, String kind, String docType, String ref, LocalDate date, String memo, List<Change> changes)
            throws SQLException {
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        for (Change ch : changes) {
            if (ch.quantity().signum() > 0) {
                BigDecimal unitCost = kind.equals(UNORDERED_RECEIPT) ? BigDecimal.ZERO : Costing.unitCostNow(c, ch.sku());
                in = in.add(Costing.receive(c, ch.sku(), ch.quantity(), unitCost, date, ref));
            } else if (ch.quantity().signum() < 0) {
                out = out.add(Costing.issue(c, ch.sku(), ch.quantity().negate()));
            }
        }
        String account = kind.equals(WRITE_OFF) ? Accounts.WRITE_OFF : Accounts.INVENTORY_GAIN_LOSS;
        BigDecimal gain = in.subtract(out);
        Journal.post(c, new JournalEntry(date, docType, ref, memo).debit(Accounts.INVENTORY, gain, null).credit(account, gain, null));
    }
}
