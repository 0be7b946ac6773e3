package io.stocksense.cloud.purchasing.store;

import io.stocksense.cloud.purchasing.api.PurchaseOrderView;
import io.stocksense.cloud.purchasing.api.ReceiptView;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * What finance does when goods come in or go back: value them and post the journal. Called on the
 * receipt's (or return's) transaction, so the stock, the valuation and the journal commit together.
 */
public interface PurchaseBookkeeping {

    PurchaseBookkeeping NONE = new PurchaseBookkeeping() {
        @Override
        public void goodsReceived(Connection c, PurchaseOrderView po, long receiptId, LocalDate date, List<ReceiptView.Line> lines) {
        }

        @Override
        public void goodsReturned(Connection c, PurchaseOrderView po, long returnId, LocalDate date, List<ReceiptView.Line> lines) {
        }
    };

    void goodsReceived(Connection c, PurchaseOrderView po, long receiptId, LocalDate date, List<ReceiptView.Line> lines)
            throws SQLException;

    void goodsReturned(Connection c, PurchaseOrderView po, long returnId, LocalDate date, List<ReceiptView.Line> lines)
            throws SQLException;
}
