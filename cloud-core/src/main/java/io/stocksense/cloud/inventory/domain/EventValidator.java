package io.stocksense.cloud.inventory.domain;

import io.stocksense.cloud.catalog.domain.CatalogLookup;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;

import java.util.Optional;

/**
 * Semantic checks of a decoded event against master data: what the JSON decoder cannot know.
 * A failed check rejects the event (kept with the returned reason); it never throws for bad input.
 */
public final class EventValidator {

    /** numeric(18,3) in the ledger: more decimals would be rounded silently, so they are refused. */
    static final int MAX_SCALE = 3;

    private final CatalogLookup catalog;

    public EventValidator(CatalogLookup catalog) {
        this.catalog = catalog;
    }

    /** Why the movement cannot be posted, or empty when it can. */
    public Optional<String> check(StockMovement m) {
        if (!catalog.warehouseExists(m.warehouse())) {
            return Optional.of("unknown warehouse " + m.warehouse());
        }
        if (!catalog.locationExists(m.warehouse(), m.location())) {
            return Optional.of("unknown location " + m.location() + " in warehouse " + m.warehouse());
        }
        for (int i = 0; i < m.lines().size(); i++) {
            Optional<String> problem = check(m.lines().get(i), i);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> check(MovementLine line, int index) {
        Optional<String> unit = catalog.productUnit(line.sku());
        if (unit.isEmpty()) {
            return Optional.of("unknown sku " + line.sku() + " (line " + index + ")");
        }
        if (!unit.get().equals(line.unit())) {
            return Optional.of("unit mismatch for sku " + line.sku() + ": line has " + line.unit()
                    + ", product unit is " + unit.get() + " (line " + index + ")");
        }
        if (line.quantity().stripTrailingZeros().scale() > MAX_SCALE) {
            return Optional.of("quantity " + line.quantity().toPlainString() + " has more than " + MAX_SCALE
                    + " decimals (line " + index + ")");
        }
        return Optional.empty();
    }

    /** Why the telemetry point cannot be stored, or empty when it can. */
    public Optional<String> check(TelemetryPoint t) {
        if (t.warehouse() == null || t.zone() == null) {
            return Optional.of("telemetry has no warehouse/zone");
        }
        if (!catalog.warehouseExists(t.warehouse())) {
            return Optional.of("unknown warehouse " + t.warehouse());
        }
        if (!catalog.zoneExists(t.warehouse(), t.zone())) {
            return Optional.of("unknown zone " + t.zone() + " in warehouse " + t.warehouse());
        }
        return Optional.empty();
    }
}
