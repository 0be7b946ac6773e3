package io.stocksense.cloud.business;

import io.stocksense.cloud.finance.store.Accounting;
import io.stocksense.cloud.finance.store.FinanceQueries;
import io.stocksense.cloud.finance.store.FinanceReports;
import io.stocksense.cloud.finance.store.InventoryValuation;
import io.stocksense.cloud.finance.store.InvoiceStore;
import io.stocksense.cloud.finance.store.PaymentStore;
import io.stocksense.cloud.finance.store.Statements;
import io.stocksense.cloud.finance.web.FinanceRoutes;
import io.stocksense.cloud.finance.web.StatementRoutes;
import io.stocksense.cloud.forecast.store.ForecastStore;
import io.stocksense.cloud.forecast.web.ForecastRoutes;
import io.stocksense.cloud.inventory.domain.StockValuation;
import io.stocksense.cloud.pos.PosRoutes;
import io.stocksense.cloud.pos.PosSettings;
import io.stocksense.cloud.pos.PosStore;
import io.stocksense.cloud.purchasing.domain.ApproverRoles;
import io.stocksense.cloud.purchasing.store.PortalReceiptMatcher;
import io.stocksense.cloud.purchasing.store.PurchaseOrderStore;
import io.stocksense.cloud.purchasing.store.ReceivingStore;
import io.stocksense.cloud.purchasing.store.RequisitionStore;
import io.stocksense.cloud.purchasing.web.PurchasingRoutes;
import io.stocksense.cloud.reconcile.Reconciler;
import io.stocksense.cloud.sales.store.PortalShipmentMatcher;
import io.stocksense.cloud.sales.store.SalesOrderStore;
import io.stocksense.cloud.sales.store.ShippingStore;
import io.stocksense.cloud.sales.web.SalesRoutes;
import io.stocksense.cloud.web.RouteTable;

import javax.sql.DataSource;

/**
 * Assembles the business flows (purchasing, sales and POS, finance, forecast) on one database: their
 * REST routes, and the {@link Reconciler} that matches device movements to their documents (inbound
 * portal reads to open purchase orders, outbound ones to open shipments). Every goods movement of a
 * document is valued and journalled by {@link Accounting} in the document's transaction. The stores
 * hold no state besides the data source, so the HTTP side and ingest may each assemble their own.
 */
public final class BusinessFlows {

    private final DataSource ds;
    private final PurchaseOrderStore orders;
    private final ReceivingStore receiving;
    private final RequisitionStore requisitions;
    private final SalesOrderStore salesOrders;
    private final ShippingStore shipping;

    public BusinessFlows(DataSource ds) {
        this(ds, ApproverRoles.BOOTSTRAP);
    }

    public BusinessFlows(DataSource ds, ApproverRoles roles) {
        Accounting accounting = new Accounting();
        this.ds = ds;
        this.orders = new PurchaseOrderStore(ds, roles);
        this.receiving = new ReceivingStore(ds, orders, accounting);
        this.requisitions = new RequisitionStore(ds);
        this.salesOrders = new SalesOrderStore(ds, InvoiceStore::openReceivables);
        this.shipping = new ShippingStore(ds, accounting);
    }

    public void mount(RouteTable routes) {
        new PurchasingRoutes(orders, receiving, requisitions).mount(routes);
        new SalesRoutes(salesOrders, shipping).mount(routes);
        new FinanceRoutes(new InvoiceStore(ds), new PaymentStore(ds), new FinanceReports(ds), new FinanceQueries(ds)).mount(routes);
        new StatementRoutes(new Statements(ds)).mount(routes);
        new PosRoutes(new PosStore(ds), new PosSettings(ds)).mount(routes);
        new ForecastRoutes(new ForecastStore(ds, requisitions)).mount(routes);
    }

    /** Matches device movements to the documents: used by ingest for every posted movement. */
    public Reconciler reconciler() {
        StockValuation valuation = stockValuation();
        return new Reconciler(new PortalShipmentMatcher(shipping, valuation), new PortalReceiptMatcher(receiving, valuation), valuation);
    }

    /** Values and journals the stock changes no document values (adjustments, scrap, stocktakes, device movements). */
    public static StockValuation stockValuation() {
        return new InventoryValuation();
    }
}
