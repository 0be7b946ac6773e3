package io.stocksense.cloud.business;

import io.stocksense.cloud.purchasing.domain.ApproverRoles;
import io.stocksense.cloud.purchasing.store.PortalReceiptMatcher;
import io.stocksense.cloud.purchasing.store.PurchaseBookkeeping;
import io.stocksense.cloud.purchasing.store.PurchaseOrderStore;
import io.stocksense.cloud.purchasing.store.ReceivingStore;
import io.stocksense.cloud.purchasing.store.RequisitionStore;
import io.stocksense.cloud.purchasing.web.PurchasingRoutes;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.cloud.sales.store.PortalShipmentMatcher;
import io.stocksense.cloud.sales.store.SalesBookkeeping;
import io.stocksense.cloud.sales.store.SalesOrderStore;
import io.stocksense.cloud.sales.store.ShippingStore;
import io.stocksense.cloud.sales.web.SalesRoutes;
import io.stocksense.cloud.web.RouteTable;

import javax.sql.DataSource;

/**
 * Assembles the business flows (purchasing, sales and POS, finance, forecast) on one database: their
 * REST routes, and the {@link Reconciler} that matches device movements to their documents (inbound
 * portal reads to open purchase orders, outbound ones to open shipments). The stores hold no state
 * besides the data source, so the HTTP side and ingest may each assemble their own.
 */
public final class BusinessFlows {

    private final PurchaseOrderStore orders;
    private final ReceivingStore receiving;
    private final RequisitionStore requisitions;
    private final SalesOrderStore salesOrders;
    private final ShippingStore shipping;

    public BusinessFlows(DataSource ds) {
        this(ds, ApproverRoles.BOOTSTRAP);
    }

    public BusinessFlows(DataSource ds, ApproverRoles roles) {
        PurchaseBookkeeping books = PurchaseBookkeeping.NONE;
        this.orders = new PurchaseOrderStore(ds, roles);
        this.receiving = new ReceivingStore(ds, orders, books);
        this.requisitions = new RequisitionStore(ds);
        this.salesOrders = new SalesOrderStore(ds, SalesOrderStore.OpenReceivables.NONE);
        this.shipping = new ShippingStore(ds, SalesBookkeeping.NONE);
    }

    public void mount(RouteTable routes) {
        new PurchasingRoutes(orders, receiving, requisitions).mount(routes);
        new SalesRoutes(salesOrders, shipping).mount(routes);
    }

    /** Matches device movements to the documents: used by ingest for every posted movement. */
    public Reconciler reconciler() {
        return new Reconciler(new PortalShipmentMatcher(shipping), new PortalReceiptMatcher(receiving));
    }
}
