package io.stocksense.edge.engine;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.config.TemperatureLimits;
import io.stocksense.config.Zone;
import io.stocksense.edge.alarm.ActiveAlarm;
import io.stocksense.edge.alarm.ZoneClimate;
import io.stocksense.edge.engine.door.DigitalInputEngine;
import io.stocksense.edge.engine.environment.EnvironmentEngine;
import io.stocksense.edge.engine.environment.ZoneAlarmEngine;
import io.stocksense.edge.engine.rfid.PortalArbiter;
import io.stocksense.edge.engine.rfid.PortalDirectionEngine;
import io.stocksense.edge.engine.shelf.ScaleWeightEngine;
import io.stocksense.edge.engine.shelf.ShelfWeightEngine;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.DigitalInputReading;
import io.stocksense.protocol.reading.TagRead;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engines of one gateway, one per device that has a use for them, chosen by device family:
 * rfid-portal → {@link PortalDirectionEngine}, smart-shelf → {@link ShelfWeightEngine},
 * climate-sensor → {@link EnvironmentEngine} (plus the zone's local alarm and MKT in {@link ZoneAlarmEngine}
 * when the zone has temperature limits), scale → {@link ScaleWeightEngine} (its stable weights as device
 * events), door → {@link DigitalInputEngine}; a signal output needs none. Barcode scanners have no engine
 * yet: their scans are read and ignored. A device whose settings do not allow an engine is listed in
 * {@link #configurationErrors()} instead. Not thread-safe: one pipeline thread owns it.
 */
public final class Engines {

    private final Map<String, PortalDirectionEngine> portals = new LinkedHashMap<>();
    private final Map<String, ShelfWeightEngine> shelves = new LinkedHashMap<>();
    private final Map<String, EnvironmentEngine> climate = new LinkedHashMap<>();
    private final Map<String, DigitalInputEngine> doors = new LinkedHashMap<>();
    private final Map<String, Device> shelfDevices = new LinkedHashMap<>();
    private final ZoneAlarmEngine zoneAlarms;
    private final Map<String, ActiveAlarm> restoredAlarms = new LinkedHashMap<>();
    private final Map<String, ScaleWeightEngine> scales = new LinkedHashMap<>();
    private final Map<String, String> configurationErrors = new LinkedHashMap<>();
    private final PortalArbiter portalArbiter = new PortalArbiter();
    private final Site site;

    /** @param shelfCountedGrams persisted counted weights per shelf device */
    public Engines(Site site, List<Device> devices, Map<String, BigDecimal> shelfCountedGrams) {
        this(site, devices, shelfCountedGrams, List.of(),
                new ZoneAlarmEngine(devices.isEmpty() ? "gateway" : devices.get(0).gateway(),
                        ZoneAlarmEngine.DEFAULT_MKT_WINDOW, ZoneAlarmEngine.DEFAULT_MKT_INTERVAL));
    }

    /**
     * @param restoredAlarms local alarms persisted before a restart
     * @param zoneAlarms     the (empty) zone alarm engine to fill with the zones these devices measure
     */
    public Engines(Site site, List<Device> devices, Map<String, BigDecimal> shelfCountedGrams,
                   Collection<ActiveAlarm> restoredAlarms, ZoneAlarmEngine zoneAlarms) {
        this.site = site;
        this.zoneAlarms = zoneAlarms;
        restoredAlarms.forEach(a -> this.restoredAlarms.put(a.zoneKey(), a));
        for (Device d : devices) {
            try {
                add(d, shelfCountedGrams.get(d.id()));
            } catch (RuntimeException e) {
                configurationErrors.put(d.id(), e.getMessage());
            }
        }
    }

    private void add(Device d, BigDecimal counted) {
        if (d.family() == DeviceFamily.RFID_PORTAL) {
            portals.put(d.id(), new PortalDirectionEngine(d, site, portalArbiter));
        } else if (d.family() == DeviceFamily.SMART_SHELF) {
            shelves.put(d.id(), new ShelfWeightEngine(d, shelfProduct(d), counted));
        } else if (d.family() == DeviceFamily.CLIMATE_SENSOR) {
            climate.put(d.id(), new EnvironmentEngine(d));
            watchZone(d);
        } else if (d.family() == DeviceFamily.SCALE) {
            scales.put(d.id(), new ScaleWeightEngine(d));
        } else if (d.family() == DeviceFamily.DOOR) {
            doors.put(d.id(), new DigitalInputEngine(d));
        } else if (d.family() == DeviceFamily.SIGNAL) {
            return; // an output: the GPIO adapter drives it from the local alarms
        } else if (d.family() != DeviceFamily.BARCODE) {
            throw new IllegalArgumentException("device " + d.id() + ": family " + d.family().yamlName()
                    + " is not supported by this gateway yet");
        }
    }

    private void watchZone(Device d) {
        TemperatureLimits limits = site.warehouse(d.warehouse()).flatMap(w -> w.zone(d.zone())).map(Zone::temperature)
                .orElse(null);
        if (limits != null) {
            zoneAlarms.watch(d.warehouse(), d.zone(), limits, restoredAlarms.get(ActiveAlarm.key(d.warehouse(), d.zone())));
        }
    }

    private Product shelfProduct(Device d) {
        if (d.shelf() == null || d.shelf().sku() == null) {
            throw new IllegalArgumentException("device " + d.id() + ": smart-shelf needs shelf.sku");
        }
        return site.product(d.shelf().sku()).orElseThrow(() -> new IllegalArgumentException(
                "device " + d.id() + ": shelf.sku " + d.shelf().sku() + " is not a product of site " + site.siteId()));
    }

    /** Device id → why no engine could be built for it. */
    public Map<String, String> configurationErrors() {
        return Map.copyOf(configurationErrors);
    }

    public EngineOutput onTagRead(Device device, TagRead read, Instant receivedAt) {
        return EngineOutput.of(engine(portals, device, "tag reads").onTagRead(read, receivedAt));
    }

    public EngineOutput onWeight(Device device, WeightReading reading, Instant receivedAt) {
        ScaleWeightEngine scale = scales.get(device.id());
        if (scale != null) {
            return scale.onWeight(reading, receivedAt);
        }
        return engine(shelves, device, "weights").onWeight(reading, receivedAt);
    }

    public EngineOutput onClimate(Device device, ClimateReading reading, Instant receivedAt) {
        EngineOutput telemetry = EngineOutput.of(engine(climate, device, "climate readings").onClimate(reading, receivedAt));
        Double c = reading.temperatureC();
        if (c == null || !Double.isFinite(c)) {
            return telemetry;
        }
        return telemetry.plus(zoneAlarms.onTemperature(device.warehouse(), device.zone(), device.id(), c, receivedAt));
    }

    public EngineOutput onDigitalInput(Device device, DigitalInputReading reading, Instant receivedAt) {
        return EngineOutput.of(engine(doors, device, "digital inputs").onInput(reading, receivedAt));
    }

    /** Latest temperature and MKT of every zone with local alarms. */
    public List<ZoneClimate> zoneClimates() {
        return zoneAlarms.climates();
    }

    /**
     * Closes the portal passes that have gone quiet, forgets cross-read claims no pass needs, raises or
     * clears alarms whose delay ran out, and samples MKT.
     */
    public EngineOutput tick(Instant now) {
        List<PendingEvent> events = new ArrayList<>();
        portals.values().forEach(p -> events.addAll(p.tick(now)));
        portalArbiter.prune(now);
        return EngineOutput.of(events).plus(zoneAlarms.tick(now));
    }

    /** Closes every open portal pass (shutdown). */
    public EngineOutput flush() {
        List<PendingEvent> events = new ArrayList<>();
        portals.values().forEach(p -> events.addAll(p.flush()));
        return EngineOutput.of(events);
    }

    /** The shelf's counted weight, or null (not a shelf, or no baseline yet). */
    public BigDecimal shelfCounted(String deviceId) {
        ShelfWeightEngine s = shelves.get(deviceId);
        return s == null ? null : s.countedGrams();
    }

    /** Puts a shelf back to a counted weight whose change could not be stored. */
    public void restoreShelf(String deviceId, BigDecimal counted) {
        ShelfWeightEngine s = shelves.get(deviceId);
        if (s != null) {
            s.restore(counted);
        }
    }

    /** The shelf's next settled weight becomes its baseline, without a movement. */
    public void tareShelf(String deviceId) {
        ShelfWeightEngine s = shelves.get(deviceId);
        if (s == null) {
            throw new IllegalArgumentException("device " + deviceId + " is not a smart shelf of this gateway");
        }
        s.tare();
    }

    private static <E> E engine(Map<String, E> engines, Device device, String what) {
        return Optional.ofNullable(engines.get(device.id())).orElseThrow(() -> new IllegalArgumentException(
                "device " + device.id() + " (" + device.family().yamlName() + ") has no use for " + what));
    }
}
