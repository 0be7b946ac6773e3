package io.stocksense.edge.engine;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.edge.engine.environment.EnvironmentEngine;
import io.stocksense.edge.engine.rfid.PortalArbiter;
import io.stocksense.edge.engine.rfid.PortalDirectionEngine;
import io.stocksense.edge.engine.shelf.ScaleWeightEngine;
import io.stocksense.edge.engine.shelf.ShelfWeightEngine;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.TagRead;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engines of one gateway, one per device that has a use for them, chosen by device family:
 * rfid-portal → {@link PortalDirectionEngine}, smart-shelf → {@link ShelfWeightEngine},
 * climate-sensor → {@link EnvironmentEngine}, scale → {@link ScaleWeightEngine} (its stable weights as
 * device events). Barcode scanners have no engine yet: their scans are read and ignored. A device
 * whose settings do not allow an engine is listed in {@link #configurationErrors()} instead.
 * Not thread-safe: one pipeline thread owns it.
 */
public final class Engines {

    private final Map<String, PortalDirectionEngine> portals = new LinkedHashMap<>();
    private final Map<String, ShelfWeightEngine> shelves = new LinkedHashMap<>();
    private final Map<String, EnvironmentEngine> climate = new LinkedHashMap<>();
    private final Map<String, ScaleWeightEngine> scales = new LinkedHashMap<>();
    private final Map<String, String> configurationErrors = new LinkedHashMap<>();
    private final PortalArbiter portalArbiter = new PortalArbiter();
    private final Site site;

    /** @param shelfCountedGrams persisted counted weights per shelf device */
    public Engines(Site site, List<Device> devices, Map<String, BigDecimal> shelfCountedGrams) {
        this.site = site;
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
        } else if (d.family() == DeviceFamily.SCALE) {
            scales.put(d.id(), new ScaleWeightEngine(d));
        } else if (d.family() != DeviceFamily.BARCODE) {
            throw new IllegalArgumentException("device " + d.id() + ": family " + d.family().yamlName()
                    + " is not supported by this gateway yet");
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
        return EngineOutput.of(engine(climate, device, "climate readings").onClimate(reading, receivedAt));
    }

    /** Closes the portal passes that have gone quiet, and forgets cross-read claims no pass needs. */
    public EngineOutput tick(Instant now) {
        List<PendingEvent> events = new ArrayList<>();
        portals.values().forEach(p -> events.addAll(p.tick(now)));
        portalArbiter.prune(now);
        return EngineOutput.of(events);
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
