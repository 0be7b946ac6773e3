package io.stocksense.cloud.reconcile;

import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Decides whether goods a portal saw leaving (a device DISPATCH movement line) belong to an open
 * outbound shipment. Unmatched goods left without a document: {@link Reconciler} raises a
 * {@code shrinkage} alert for them.
 *
 * <p>Sales shipments do not exist yet; the business flows will implement this against their
 * shipment table (e.g. an open shipment of the warehouse with the SKU, or with the EPCs picked) and
 * pass it to {@link Reconciler}. Until then {@link #NONE} matches nothing, so every device DISPATCH is
 * treated as shrinkage.
 */
public interface ShipmentMatcher {

    ShipmentMatcher NONE = (c, m, line) -> false;

    /** Runs inside the ingest transaction; true when an open shipment accounts for {@code line}. */
    boolean matches(Connection c, StockMovement m, MovementLine line) throws SQLException;
}
