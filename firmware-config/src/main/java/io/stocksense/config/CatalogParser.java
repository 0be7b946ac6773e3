package io.stocksense.config;

import io.stocksense.protocol.epc.Gtin;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalogue part of a site file (products, warehouses with zones and locations, gateways)
 * into records, and remembers every id it saw, even of entries that had other errors, so that a
 * device referring to them is not reported a second time as dangling.
 */
final class CatalogParser {

    static final List<String> PRODUCT_KEYS = List.of("sku", "name", "gtin", "companyPrefixLength", "unit", "unitWeightGrams");
    static final List<String> WAREHOUSE_KEYS = List.of("code", "name", "zones", "locations");
    static final List<String> ZONE_KEYS = List.of("code", "name", "temperature");
    static final List<String> TEMPERATURE_KEYS = List.of("min", "max", "alarmDelay", "clearDelay", "hysteresis", "confirmReadings");
    static final List<String> LOCATION_KEYS = List.of("code", "name", "zone", "kind");
    static final List<String> GATEWAY_KEYS = List.of("id", "name", "warehouse");
    /** An excursion alarm waits this long when a zone names no delay (15-30 min is usual practice). */
    static final Duration DEFAULT_ALARM_DELAY = Duration.ofMinutes(15);

    final List<Product> products = new ArrayList<>();
    final List<Warehouse> warehouses = new ArrayList<>();
    final List<Gateway> gateways = new ArrayList<>();
    /** sku → unit weight (null when the product is not weighed). */
    final Map<String, BigDecimal> unitWeights = new HashMap<>();
    final Map<String, Set<String>> zonesByWarehouse = new LinkedHashMap<>();
    final Map<String, Set<String>> locationsByWarehouse = new LinkedHashMap<>();
    /** gateway id → its warehouse (null when it names none). */
    final Map<String, String> gatewayWarehouse = new HashMap<>();

    private final Problems problems;

    CatalogParser(Problems problems) {
        this.problems = problems;
    }

    void products(List<YamlMap> items) {
        Unique skus = new Unique(problems, "sku");
        Unique gtins = new Unique(problems, "gtin");
        for (YamlMap m : items) {
            String sku = m.id("sku", true);
            String name = m.string("name", true);
            String unit = m.string("unit", true);
            String gtin = gtin(m);
            Integer prefixLength = m.integer("companyPrefixLength", false, 6, 12);
            if (m.has("gtin") && !m.has("companyPrefixLength")) {
                m.error("companyPrefixLength", "is required when a gtin is given (6..12 digits of the GS1 company prefix)");
            }
            BigDecimal unitWeight = m.decimal("unitWeightGrams", false);
            if (unitWeight != null && unitWeight.signum() <= 0) {
                m.error("unitWeightGrams", "must be positive, was " + unitWeight.toPlainString());
                unitWeight = null;
            }
            boolean fresh = skus.add(m, "sku", sku);
            gtins.add(m, "gtin", gtin);
            if (sku != null && fresh) {
                unitWeights.put(sku, unitWeight);
            }
            if (sku != null && name != null && unit != null) {
                products.add(new Product(sku, name, gtin, prefixLength == null ? 0 : prefixLength, unit, unitWeight));
            }
        }
    }

    /**
     * The GTIN normalised to 14 digits. Quoted is the safe way to write it; an unquoted number is taken
     * as is when it has 14 digits, but anything shorter may have lost leading zeros on the way through
     * another YAML tool, so the author is asked to quote it.
     */
    private static String gtin(YamlMap m) {
        ScalarNode node = m.scalar("gtin", false);
        if (node == null) {
            return null;
        }
        String text = node.getValue();
        boolean plain = node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (plain && text.matches("\\d+") && text.length() != 14) {
            m.error("gtin", "write the GTIN as a quoted string of 14 digits (gtin: \"" + "0".repeat(Math.max(0, 14 - text.length()))
                    + text + "\"); an unquoted number loses its leading zeros");
            return null;
        }
        if (!text.matches("\\d+")) {
            m.error("gtin", "must be a string of digits, was '" + text + "'");
            return null;
        }
        if (text.length() != 8 && text.length() != 12 && text.length() != 13 && text.length() != 14) {
            m.error("gtin", "must have 8, 12, 13 or 14 digits, had " + text.length());
            return null;
        }
        int expected = Gtin.checkDigit(text.substring(0, text.length() - 1));
        if (expected != text.charAt(text.length() - 1) - '0') {
            m.error("gtin", "check digit of '" + text + "' is wrong: expected " + expected);
            return null;
        }
        return Gtin.normalizeToGtin14(text);
    }

    void warehouses(List<YamlMap> items) {
        Unique codes = new Unique(problems, "warehouse");
        for (YamlMap m : items) {
            String code = m.id("code", true);
            String name = m.string("name", false);
            Unique zoneCodes = new Unique(problems, "zone");
            List<Zone> zones = new ArrayList<>();
            for (YamlMap z : m.maps("zones", ZONE_KEYS)) {
                String zoneCode = z.id("code", true);
                Zone zone = zone(z, zoneCode);
                if (zoneCodes.add(z, "code", zoneCode) && zone != null) {
                    zones.add(zone);
                }
            }
            Unique locationCodes = new Unique(problems, "location");
            List<Location> locations = new ArrayList<>();
            for (YamlMap l : m.maps("locations", LOCATION_KEYS)) {
                String locationCode = l.id("code", true);
                Location location = location(l, locationCode, zoneCodes.seen());
                if (locationCodes.add(l, "code", locationCode) && location != null) {
                    locations.add(location);
                }
            }
            if (code != null && codes.add(m, "code", code)) {
                zonesByWarehouse.put(code, zoneCodes.seen());
                locationsByWarehouse.put(code, locationCodes.seen());
                warehouses.add(new Warehouse(code, name, zones, locations));
            }
        }
    }

    private static Zone zone(YamlMap z, String code) {
        String name = z.string("name", false);
        TemperatureLimits limits = null;
        YamlMap t = z.map("temperature", TEMPERATURE_KEYS);
        boolean limitsOk = true;
        if (t != null) {
            BigDecimal min = t.decimal("min", true);
            BigDecimal max = t.decimal("max", true);
            Duration delay = t.duration("alarmDelay", DEFAULT_ALARM_DELAY);
            Duration clearDelay = t.duration("clearDelay", TemperatureLimits.DEFAULT_CLEAR_DELAY);
            BigDecimal hysteresis = t.has("hysteresis") ? t.decimal("hysteresis", true)
                    : BigDecimal.valueOf(TemperatureLimits.DEFAULT_HYSTERESIS_C);
            Integer confirm = t.has("confirmReadings") ? t.integer("confirmReadings", true, 1, 100)
                    : TemperatureLimits.DEFAULT_CONFIRM_READINGS;
            if (min != null && max != null && min.compareTo(max) >= 0) {
                t.error("min", "min (" + min.toPlainString() + ") must be below max (" + max.toPlainString() + ")");
            } else if (min != null && max != null && hysteresis != null && (hysteresis.signum() < 0
                    || hysteresis.multiply(BigDecimal.valueOf(2)).compareTo(max.subtract(min)) >= 0)) {
                t.error("hysteresis", "must be at least 0 and below half the band (" + max.subtract(min).toPlainString()
                        + " °C), was " + hysteresis.toPlainString());
            } else if (min != null && max != null && delay != null && clearDelay != null && hysteresis != null && confirm != null) {
                limits = new TemperatureLimits(min.doubleValue(), max.doubleValue(), delay, clearDelay,
                        hysteresis.doubleValue(), confirm);
            }
            limitsOk = limits != null;
        } else if (z.has("temperature")) {
            limitsOk = false;
        }
        return code == null || !limitsOk ? null : new Zone(code, name, limits);
    }

    private static Location location(YamlMap l, String code, Set<String> zoneCodes) {
        String name = l.string("name", false);
        String zone = l.id("zone", true);
        LocationKind kind = l.choice("kind", LocationKind.values(), LocationKind::yamlName, true);
        if (zone != null && !zoneCodes.contains(zone)) {
            l.error("zone", "unknown zone '" + zone + "' (this warehouse has: " + String.join(", ", zoneCodes) + ")");
            return null;
        }
        return code == null || zone == null || kind == null ? null : new Location(code, name, zone, kind);
    }

    void gateways(List<YamlMap> items) {
        Unique ids = new Unique(problems, "gateway");
        for (YamlMap m : items) {
            String id = m.id("id", true);
            String name = m.string("name", false);
            String warehouse = m.id("warehouse", false);
            if (warehouse != null && !zonesByWarehouse.containsKey(warehouse)) {
                m.error("warehouse", "unknown warehouse '" + warehouse + "'");
            }
            if (id != null && ids.add(m, "id", id)) {
                gatewayWarehouse.put(id, warehouse);
                gateways.add(new Gateway(id, name, warehouse));
            }
        }
    }

    /** Reports a second use of an id, pointing at the line of the first. */
    static final class Unique {
        private final Problems problems;
        private final String what;
        private final Map<String, Integer> firstLine = new LinkedHashMap<>();

        Unique(Problems problems, String what) {
            this.problems = problems;
            this.what = what;
        }

        /** True when the id is new (or null); false, reported, when it was seen before. */
        boolean add(YamlMap m, String key, String id) {
            if (id == null) {
                return true;
            }
            Integer first = firstLine.putIfAbsent(id, m.line(key));
            if (first != null) {
                m.error(key, "duplicate " + what + " '" + id + "' (first on line " + first + ")");
                return false;
            }
            return true;
        }

        Set<String> seen() {
            return new LinkedHashSet<>(firstLine.keySet());
        }
    }
}
