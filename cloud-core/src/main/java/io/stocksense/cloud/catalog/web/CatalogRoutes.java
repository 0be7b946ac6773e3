package io.stocksense.cloud.catalog.web;

import io.stocksense.cloud.catalog.api.CustomerView;
import io.stocksense.cloud.catalog.api.ProductView;
import io.stocksense.cloud.catalog.domain.Customer;
import io.stocksense.cloud.catalog.domain.CsvMappings;
import io.stocksense.cloud.catalog.domain.Product;
import io.stocksense.cloud.catalog.domain.Supplier;
import io.stocksense.cloud.catalog.store.CatalogStore;
import io.stocksense.cloud.catalog.store.FacilityStore;
import io.stocksense.cloud.catalog.store.LocationStore;
import io.stocksense.cloud.catalog.store.MasterDataTables;
import io.stocksense.cloud.web.RouteTable;

import javax.sql.DataSource;

/**
 * Master data under {@code /api/v1}: products, customers and suppliers (CRUD, search, paging, CSV
 * import/export), warehouses, the location tree and devices. Mount it after the bearer guard.
 *
 * <p>Deleting a product that the stock ledger refers to is refused with 409; such a product is retired
 * with {@code PATCH {"active": false}} instead, so history keeps its master data.
 */
public final class CatalogRoutes {

    private final DataSource dataSource;

    public CatalogRoutes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Paths whose POST takes a large body (CSV import); the global 64 KiB body handler must skip them. */
    public static boolean isImportPath(String path) {
        return path != null && path.startsWith("/api/v1/") && path.endsWith("/import");
    }

    public void mount(RouteTable routes) {
        new KeyedResourceRoutes<>("/api/v1/products", "product", "sku", Product.FIELDS, MasterDataTables.products(dataSource),
                Product::read, ProductView::of, Product::sku, CsvMappings.PRODUCTS).mount(routes);
        new KeyedResourceRoutes<>("/api/v1/customers", "customer", "code", Customer.FIELDS, MasterDataTables.customers(dataSource),
                Customer::read, CustomerView::of, Customer::code, CsvMappings.CUSTOMERS).mount(routes);
        new KeyedResourceRoutes<>("/api/v1/suppliers", "supplier", "code", Supplier.FIELDS, MasterDataTables.suppliers(dataSource),
                Supplier::read, s -> s, Supplier::code, CsvMappings.SUPPLIERS).mount(routes);
        new FacilityRoutes(new CatalogStore(dataSource), new LocationStore(dataSource), new FacilityStore(dataSource)).mount(routes);
    }
}
