package io.stocksense.cloud.inventory.domain;

import io.stocksense.cloud.catalog.domain.CatalogLookup;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventValidatorTest {

    /** Master data of a tiny site, in memory (the lookup is our own seam). */
    private static final CatalogLookup CATALOG = new CatalogLookup() {
        final Map<String, String> units = Map.of("BOLT", "EA", "FLOUR", "KG");
        final Set<String> locations = Set.of("WH1/A1");
        final Set<String> zones = Set.of("WH1/COLD");

        @Override
        public Optional<String> productUnit(String sku) {
            return Optional.ofNullable(units.get(sku));
        }

        @Override
        public boolean warehouseExists(String warehouse) {
            return "WH1".equals(warehouse);
        }

        @Override
        public boolean locationExists(String warehouse, String location) {
            return locations.contains(warehouse + "/" + location);
        }

        @Override
        public boolean zoneExists(String warehouse, String zone) {
            return zones.contains(warehouse + "/" + zone);
        }
    };
    private final EventValidator validator = new EventValidator(CATALOG);

    @Test
    void aValidMovementPasses() {
        assertThat(validator.check(movement("WH1", "A1", line("BOLT", "3", "EA"), line("FLOUR", "1.125", "KG")))).isEmpty();
    }

    @Test
    void unknownMasterDataIsNamed() {
        assertThat(validator.check(movement("WH9", "A1", line("BOLT", "1", "EA")))).hasValue("unknown warehouse WH9");
        assertThat(validator.check(movement("WH1", "Z9", line("BOLT", "1", "EA")))).hasValue("unknown location Z9 in warehouse WH1");
        assertThat(validator.check(movement("WH1", "A1", line("BOLT", "1", "EA"), line("NOPE", "1", "EA"))))
                .hasValue("unknown sku NOPE (line 1)");
    }

    @Test
    void unitMismatchAndExcessDecimalsAreRefused() {
        assertThat(validator.check(movement("WH1", "A1", line("FLOUR", "2", "EA"))))
                .hasValue("unit mismatch for sku FLOUR: line has EA, product unit is KG (line 0)");
        assertThat(validator.check(movement("WH1", "A1", line("FLOUR", "0.0005", "KG"))))
                .hasValue("quantity 0.0005 has more than 3 decimals (line 0)");
        assertThat(validator.check(movement("WH1", "A1", line("FLOUR", "2.5000", "KG")))).isEmpty();
    }

    @Test
    void telemetryNeedsAKnownZone() {
        assertThat(validator.check(telemetry("WH1", "COLD"))).isEmpty();
        assertThat(validator.check(telemetry("WH1", "HOT"))).hasValue("unknown zone HOT in warehouse WH1");
        assertThat(validator.check(telemetry("WH2", "COLD"))).hasValue("unknown warehouse WH2");
        assertThat(validator.check(telemetry(null, "COLD"))).hasValue("telemetry has no warehouse/zone");
    }

    @Test
    void postingsAreSignedByTheMovementType() {
        StockMovement pick = new StockMovement("e1", null, "d", 1, null, Instant.EPOCH, ClockSync.SYNCED, MovementType.SHELF_PICK,
                "WH1", "A1", List.of(line("BOLT", "3", "EA"), new MovementLine("FLOUR", null, new BigDecimal("2"), "KG", "L1", List.of())),
                null, List.of());
        assertThat(Posting.of(pick)).containsExactly(
                new Posting("e1", 0, "BOLT", "WH1", "A1", "", new BigDecimal("-3"), "EA", List.of()),
                new Posting("e1", 1, "FLOUR", "WH1", "A1", "L1", new BigDecimal("-2"), "KG", List.of()));
    }

    private static MovementLine line(String sku, String qty, String unit) {
        return new MovementLine(sku, null, new BigDecimal(qty), unit, null, List.of());
    }

    private static StockMovement movement(String warehouse, String location, MovementLine... lines) {
        return new StockMovement("e", null, "d", 1, null, Instant.EPOCH, ClockSync.SYNCED, MovementType.RECEIPT,
                warehouse, location, List.of(lines), null, List.of());
    }

    private static TelemetryPoint telemetry(String warehouse, String zone) {
        return new TelemetryPoint("t", null, "s", 1, null, Instant.EPOCH, ClockSync.SYNCED, warehouse, zone, "temperature", 4.5, "CEL");
    }
}
