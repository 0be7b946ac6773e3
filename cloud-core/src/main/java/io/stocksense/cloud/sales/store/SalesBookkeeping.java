package io.stocksense.cloud.sales.store;

import io.stocksense.cloud.sales.api.SalesOrderView;
import io.stocksense.cloud.sales.api.ShipmentView;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * What finance does when goods leave for a customer or come back: cost them (writing
 * {@code shipment_line.cogs} / {@code sales_return_line.cost}) and post the journal, on the shipment's
 * (or return's) transaction.
 */
public interface SalesBookkeeping {

    SalesBookkeeping NONE = new SalesBookkeeping() {
        @Override
        public void goodsShipped(Connection c, SalesOrderView so, long shipmentId, LocalDate date, List<ShipmentView.Line> lines) {
        }

        @Override
        public void goodsReturned(Connection c, SalesOrderView so, long returnId, LocalDate date, List<ShipmentView.Line> lines) {
        }
    };

    void goodsShipped(Connection c, SalesOrderView so, long shipmentId, LocalDate date, List<ShipmentView.Line> lines)
            throws SQLException;

    void goodsReturned(Connection c, SalesOrderView so, long returnId, LocalDate date, List<ShipmentView.Line> lines)
            throws SQLException;
}
