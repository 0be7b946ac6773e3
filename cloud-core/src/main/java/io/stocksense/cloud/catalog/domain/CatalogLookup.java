package io.stocksense.cloud.catalog.domain;

import java.util.Optional;

/**
 * What ingest validation needs to know about master data. Implementations may query the database,
 * so call them from a worker thread; they report an unreachable database as an unchecked exception.
 */
public interface CatalogLookup {

    /** The product's unit of measure, or empty when the SKU is unknown. */
    Optional<String> productUnit(String sku);

    boolean warehouseExists(String warehouse);

    boolean locationExists(String warehouse, String location);

    boolean zoneExists(String warehouse, String zone);
}
