package io.stocksense.cloud.reconcile;

import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Links goods a portal saw arriving (a device RECEIPT movement line) to an open purchase order, so the
 * business flows can mark it received. Unmatched receipts are just receipts: the stock is posted
 * either way and no alert is raised. Purchase orders do not exist yet; {@link #NONE} matches nothing.
 */
public interface PurchaseOrderMatcher {

    PurchaseOrderMatcher NONE = (c, m, line) -> false;

    /** Runs inside the ingest transaction; true when an open purchase order accounts for {@code line}. */
    boolean matches(Connection c, StockMovement m, MovementLine line) throws SQLException;
}
