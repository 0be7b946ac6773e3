package io.stocksense.cloud.catalog.api;

import java.util.List;

/** A warehouse with its zones in {@code GET /api/v1/warehouses}. */
public record WarehouseView(String code, String name, List<ZoneView> zones) {

    /** A zone and its temperature band (null bounds: no climate limits). */
    public record ZoneView(String code, String name, Double minC, Double maxC, Long alarmDelaySeconds) {
    }
}
