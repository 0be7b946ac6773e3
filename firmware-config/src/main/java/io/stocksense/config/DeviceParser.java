package io.stocksense.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the devices of a site file and checks every reference a device makes against the catalogue:
 * its gateway, its warehouse (by default its gateway's), its location and zone in that warehouse, and
 * the family-specific blocks (a portal's antennas, a shelf's SKU and unit weight).
 */
final class DeviceParser {

    static final List<String> DEVICE_KEYS = List.of("id", "gateway", "family", "transport", "address", "codec",
            "warehouse", "location", "zone", "portal", "shelf", "options");
    static final List<String> PORTAL_KEYS = List.of("outerAntenna", "innerAntenna", "quietPeriod", "minRssiDbm");
    static final List<String> SHELF_KEYS = List.of("sku", "toleranceGrams");
    /** A portal pass closes after this much quiet when the site file names no period. */
    static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(2);
    /** Default shelf tolerance: a tenth of one unit's weight. */
    static final BigDecimal DEFAULT_TOLERANCE_SHARE = new BigDecimal("0.1");

    /** The codec name of every GPIO device: the pin level is the format. */
    static final String GPIO_CODEC = "gpio";
    /** The only trigger of a signal output so far: on while any local alarm of the gateway is active. */
    static final String SIGNAL_ON_ALARM = "alarm";
    /** BCM numbering; the largest GPIO line of a Raspberry Pi's main gpiochip. */
    static final int MAX_BCM_PIN = 53;

    private final Problems problems;
    private final CatalogParser catalog;
    final List<Device> devices = new ArrayList<>();

    DeviceParser(Problems problems, CatalogParser catalog) {
        this.problems = problems;
        this.catalog = catalog;
    }

    void devices(List<YamlMap> items) {
        CatalogParser.Unique ids = new CatalogParser.Unique(problems, "device");
        for (YamlMap m : items) {
            String id = m.id("id", true);
            ids.add(m, "id", id);
            Device device = device(m, id);
            if (device != null) {
                devices.add(device);
            }
        }
    }

    private Device device(YamlMap m, String id) {
        String gateway = m.id("gateway", true);
        DeviceFamily family = m.choice("family", DeviceFamily.values(), DeviceFamily::yamlName, true);
        Transport transport = m.choice("transport", Transport.values(), Transport::yamlName, true);
        String address = m.string("address", true);
        String codec = transport == Transport.GPIO ? gpioCodec(m) : requiredCodec(m);
        if (transport == Transport.GPIO && address != null) {
            m.integer("address", true, 0, MAX_BCM_PIN);
        }
        String warehouse = warehouse(m, gateway);
        String location = m.id("location", false);
        String zone = m.id("zone", false);
        if (warehouse != null) {
            checkIn(m, "location", location, catalog.locationsByWarehouse.get(warehouse), warehouse);
            checkIn(m, "zone", zone, catalog.zonesByWarehouse.get(warehouse), warehouse);
        }
        PortalSettings portal = portal(m, family);
        ShelfSettings shelf = shelf(m, family);
        if ((family == DeviceFamily.RFID_PORTAL || family == DeviceFamily.SMART_SHELF) && !m.has("location")) {
            m.error("location", "is required for " + (family == DeviceFamily.RFID_PORTAL ? "an " : "a ")
                    + family.yamlName() + " device (the location it watches)");
        }
        if (family == DeviceFamily.CLIMATE_SENSOR && !m.has("zone")) {
            m.error("zone", "is required for a climate-sensor device (the zone it measures)");
        }
        Map<String, String> options = m.stringMap("options");
        signalRules(m, family, transport, options);
        if (id == null || gateway == null || family == null || transport == null) {
            return null;
        }
        return new Device(id, gateway, family, transport, address, codec, warehouse, location, zone, portal, shelf, options);
    }

    /**
     * A GPIO device reads or drives a pin level, which needs no vendor format: {@code codec} may be
     * omitted (it then reads {@value #GPIO_CODEC}) or name a {@code gpio-} label such as
     * {@code gpio-contact}; a vendor codec there is a mistake worth reporting.
     */
    private static String gpioCodec(YamlMap m) {
        if (!m.has("codec")) {
            return GPIO_CODEC;
        }
        String codec = m.string("codec", false);
        if (codec != null && !GPIO_CODEC.equals(codec) && !codec.startsWith(GPIO_CODEC + "-")) {
            m.error("codec", "a gpio device reads pin levels: omit codec or write '" + GPIO_CODEC
                    + "' (or a gpio-... label), was '" + codec + "'");
        }
        return codec;
    }

    private static String requiredCodec(YamlMap m) {
        if (!m.has("codec")) {
            m.error("codec", "is required (the vendor format, e.g. zigbee2mqtt; only gpio devices may omit it)");
            return null;
        }
        return m.string("codec", true);
    }

    /** A signal (stack light, buzzer) is a GPIO output driven by the gateway's local alarms. */
    private static void signalRules(YamlMap m, DeviceFamily family, Transport transport, Map<String, String> options) {
        if (family != DeviceFamily.SIGNAL) {
            return;
        }
        if (transport != null && transport != Transport.GPIO) {
            m.error("transport", "a signal device is a GPIO output: transport must be gpio, was " + transport.yamlName());
        }
        String on = options.getOrDefault("on", SIGNAL_ON_ALARM);
        if (!SIGNAL_ON_ALARM.equals(on)) {
            m.error("options", "options.on of a signal device must be '" + SIGNAL_ON_ALARM
                    + "' (on while any local alarm is active), was '" + on + "'");
        }
    }

    /** The device's warehouse, or by default its gateway's; checked to exist. */
    private String warehouse(YamlMap m, String gateway) {
        String own = m.id("warehouse", false);
        boolean knownGateway = gateway != null && catalog.gatewayWarehouse.containsKey(gateway);
        if (gateway != null && !knownGateway) {
            m.error("gateway", "unknown gateway '" + gateway + "'");
        }
        if (own != null) {
            if (!catalog.zonesByWarehouse.containsKey(own)) {
                m.error("warehouse", "unknown warehouse '" + own + "'");
                return null;
            }
            return own;
        }
        String inherited = knownGateway ? catalog.gatewayWarehouse.get(gateway) : null;
        if (knownGateway && inherited == null && !m.has("warehouse")) {
            m.error("warehouse", "is required: gateway '" + gateway + "' names no warehouse to default to");
        }
        return inherited != null && catalog.zonesByWarehouse.containsKey(inherited) ? inherited : null;
    }

    private static void checkIn(YamlMap m, String key, String code, Set<String> known, String warehouse) {
        if (code != null && known != null && !known.contains(code)) {
            m.error(key, "unknown " + key + " '" + code + "' in warehouse '" + warehouse + "'");
        }
    }

    private PortalSettings portal(YamlMap m, DeviceFamily family) {
        if (family != null && family != DeviceFamily.RFID_PORTAL) {
            if (m.has("portal")) {
                m.error("portal", "is only for rfid-portal devices, this one is " + family.yamlName());
            }
            return null;
        }
        YamlMap p = m.map("portal", PORTAL_KEYS);
        if (p == null) {
            if (family != null && !m.has("portal")) {
                m.error("portal", "is required for an rfid-portal device (outerAntenna, innerAntenna)");
            }
            return null;
        }
        Integer outer = p.integer("outerAntenna", true, 1, Integer.MAX_VALUE);
        Integer inner = p.integer("innerAntenna", true, 1, Integer.MAX_VALUE);
        if (outer != null && outer.equals(inner)) {
            p.error("innerAntenna", "must differ from outerAntenna (both are " + outer + "): the direction comes from which one sees a tag first");
        }
        Duration quiet = p.duration("quietPeriod", DEFAULT_QUIET_PERIOD);
        if (quiet != null && quiet.isZero()) {
            p.error("quietPeriod", "must be more than zero");
        }
        BigDecimal minRssi = p.decimal("minRssiDbm", false);
        if (minRssi != null && minRssi.signum() > 0) {
            p.error("minRssiDbm", "must be zero or negative (dBm), was " + minRssi.toPlainString());
        }
        if (outer == null || inner == null) {
            return null;
        }
        return new PortalSettings(outer, inner, quiet, minRssi == null ? null : minRssi.doubleValue());
    }

    private ShelfSettings shelf(YamlMap m, DeviceFamily family) {
        if (family != null && family != DeviceFamily.SMART_SHELF) {
            if (m.has("shelf")) {
                m.error("shelf", "is only for smart-shelf devices, this one is " + family.yamlName());
            }
            return null;
        }
        YamlMap s = m.map("shelf", SHELF_KEYS);
        if (s == null) {
            if (family != null && !m.has("shelf")) {
                m.error("shelf", "is required for a smart-shelf device (sku, toleranceGrams)");
            }
            return null;
        }
        String sku = s.id("sku", true);
        BigDecimal tolerance = s.decimal("toleranceGrams", false);
        if (sku == null) {
            return null;
        }
        if (!catalog.unitWeights.containsKey(sku)) {
            s.error("sku", "unknown sku '" + sku + "'");
            return null;
        }
        BigDecimal unitWeight = catalog.unitWeights.get(sku);
        if (unitWeight == null) {
            s.error("sku", "product '" + sku + "' has no unitWeightGrams, which a smart shelf needs to count items");
            return null;
        }
        if (tolerance == null && !s.has("toleranceGrams")) {
            tolerance = unitWeight.multiply(DEFAULT_TOLERANCE_SHARE);
        } else if (tolerance != null && (tolerance.signum() < 0 || tolerance.multiply(BigDecimal.valueOf(2)).compareTo(unitWeight) >= 0)) {
            // At half a unit or more, a change could round to two different item counts.
            s.error("toleranceGrams", "must be at least 0 and below half the unit weight ("
                    + unitWeight.toPlainString() + " g), was " + tolerance.toPlainString());
        }
        return new ShelfSettings(sku, tolerance);
    }
}
