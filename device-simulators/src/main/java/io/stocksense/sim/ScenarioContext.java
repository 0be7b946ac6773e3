package io.stocksense.sim;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.config.TemperatureLimits;
import io.stocksense.config.Transport;
import io.stocksense.config.Zone;
import io.stocksense.sim.ScenarioResult.StockKey;
import io.stocksense.sim.device.ClimateSensorSimulator;
import io.stocksense.sim.device.MessageSink;
import io.stocksense.sim.device.RfidPortalSimulator;
import io.stocksense.sim.device.SimClock;
import io.stocksense.sim.device.SmartShelfSimulator;
import io.stocksense.sim.fault.FaultInjector;
import io.stocksense.sim.fault.FaultRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One scenario run: the site's simulated devices, the scenario's seeded randomness, and the book of
 * what stock the run should change. Scenarios act through the methods here, which drive a simulator,
 * record the expected ledger change and log one line. One thread only.
 */
final class ScenarioContext {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    /** Extra silence after a portal's quiet period, so the gateway has surely closed the pass. */
    static final Duration QUIET_MARGIN = Duration.ofSeconds(1);
    private static final int CLIMATE_ROUNDS_PER_LOG = 15;

    final Site site;
    final SimClock clock;
    final Random random;
    final long seed;
    final int palletSize;
    final CaseTags caseTags;
    final List<RfidPortalSimulator> portals = new ArrayList<>();
    final List<SmartShelfSimulator> shelves = new ArrayList<>();
    final List<ClimateSensorSimulator> climates = new ArrayList<>();
    /** Cases brought in during this run and not sent out again, per portal device id. */
    final Map<String, List<CaseTags.Case>> inStock = new LinkedHashMap<>();
    private final Map<StockKey, BigDecimal> expected = new LinkedHashMap<>();
    private final Map<String, Instant> portalQuietAt = new LinkedHashMap<>();
    private final ScenarioProgress progress;
    private final FaultInjector faults;
    private int climateRounds;

    ScenarioContext(Site site, MessageSink sink, SimClock clock, long seed, String scenario, int palletSize) {
        this(site, sink, clock, seed, scenario, palletSize, EnumSet.allOf(DeviceFamily.class), List.of(), new ScenarioProgress());
    }

    /**
     * @param families the device families to simulate; the site's other devices stay silent
     * @param rules    faults to inject between the simulators and {@code sink}
     */
    ScenarioContext(Site site, MessageSink sink, SimClock clock, long seed, String scenario, int palletSize,
                    Set<DeviceFamily> families, List<FaultRule> rules, ScenarioProgress progress) {
        this.site = site;
        this.clock = clock;
        this.seed = seed;
        this.palletSize = palletSize;
        this.progress = progress;
        this.random = new Random(seed ^ ((long) scenario.hashCode() << 32));
        this.caseTags = new CaseTags(site);
        List<Device> simulated = new ArrayList<>();
        for (Device d : site.devices()) {
            boolean placed = d.warehouse() != null && (d.location() != null || d.family() == DeviceFamily.CLIMATE_SENSOR);
            if (d.transport() == Transport.MQTT && d.address() != null && placed && families.contains(d.family())) {
                simulated.add(d);
            }
        }
        this.faults = rules.isEmpty() ? null
                : new FaultInjector(sink, rules, topic -> deviceOf(simulated, topic), clock, new Random(seed * 17 + 5));
        MessageSink faulty = faults == null ? sink : faults;
        MessageSink counted = (topic, payload) -> {
            progress.message();
            faulty.publish(topic, payload);
        };
        simulated.forEach(d -> addSimulator(d, counted));
    }

    private static String deviceOf(List<Device> devices, String topic) {
        for (Device d : devices) {
            if (TopicFilter.matches(d.address(), topic)) {
                return d.id();
            }
        }
        return null;
    }

    /** Sends what the fault injector still holds back; called once the scenario's own steps are done. */
    void flushFaults() {
        if (faults != null) {
            clock.atomically(faults::flush);
        }
    }

    private void addSimulator(Device d, MessageSink sink) {
        Random deviceRandom = new Random(seed * 31 + d.id().hashCode());
        try {
            if (d.family() == DeviceFamily.RFID_PORTAL) {
                portals.add(new RfidPortalSimulator(d, sink, clock, deviceRandom));
            } else if (d.family() == DeviceFamily.SMART_SHELF && d.shelf() != null) {
                Optional<Product> product = site.product(d.shelf().sku());
                product.ifPresent(p -> shelves.add(new SmartShelfSimulator(d, p, sink, clock, deviceRandom)));
            } else if (d.family() == DeviceFamily.CLIMATE_SENSOR) {
                climates.add(new ClimateSensorSimulator(d, setpoint(d), sink, clock, deviceRandom));
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("not simulating {}: {}", d.id(), e.getMessage());
        }
    }

    private double setpoint(Device d) {
        String option = d.options().get("setpoint");
        if (option != null) {
            return Double.parseDouble(option);
        }
        TemperatureLimits limits = site.warehouse(d.warehouse())
                .flatMap(w -> w.zone(d.zone() == null ? "" : d.zone())).map(Zone::temperature).orElse(null);
        return ClimateSensorSimulator.defaultSetpoint(limits);
    }

    // ---- portal ---------------------------------------------------------------------------------

    /** An inbound pallet pass; waits first until the portal's previous pass has surely closed. */
    void receive(RfidPortalSimulator portal, List<CaseTags.Case> cases, String palletSsccHex) {
        receive(portal, cases, palletSsccHex, null, 0, 0);
    }

    /** An outbound pass of cases; each leaves the portal's location. */
    void dispatch(RfidPortalSimulator portal, List<CaseTags.Case> cases) {
        List<String> tags = epcs(cases);
        awaitQuiet(portal);
        clock.atomically(() -> portal.dispatch(tags));
        markPass(portal);
        for (CaseTags.Case c : cases) {
            expect(c.sku(), portal.device(), -1);
        }
        inStock.getOrDefault(portal.device().id(), new ArrayList<>()).removeAll(cases);
        step(portal.device().id() + ": outbound pass, " + cases.size() + " cases " + bySku(cases));
    }

    /** Sleeps until every portal has been quiet for its quiet period plus {@link #QUIET_MARGIN}. */
    void awaitAllPortalsQuiet() {
        for (RfidPortalSimulator p : portals) {
            awaitQuiet(p);
        }
    }

    /** Whether a new pass on this portal would surely not merge with the previous one. */
    boolean portalReady(RfidPortalSimulator portal) {
        Instant quietAt = portalQuietAt.get(portal.device().id());
        return quietAt == null || !clock.now().isBefore(quietAt);
    }

    private void awaitQuiet(RfidPortalSimulator portal) {
        Instant quietAt = portalQuietAt.get(portal.device().id());
        if (quietAt != null) {
            Duration wait = Duration.between(clock.now(), quietAt);
            if (!wait.isNegative() && !wait.isZero()) {
                clock.sleep(wait);
            }
        }
    }

    private void markPass(RfidPortalSimulator portal) {
        Instant last = portal.lastReadAt() == null ? clock.now() : portal.lastReadAt();
        portalQuietAt.put(portal.device().id(), last.plus(portal.quietPeriod()).plus(QUIET_MARGIN));
    }

    // ---- shelves and climate --------------------------------------------------------------------

    void baseline(SmartShelfSimulator shelf) {
        clock.atomically(shelf::baseline);
        step(shelf.device().id() + ": baseline " + shelf.count() + " x " + shelf.product().sku());
    }

    void place(SmartShelfSimulator shelf, int n) {
        clock.atomically(() -> shelf.place(n));
        expect(shelf.product().sku(), shelf.device(), n);
        step(shelf.device().id() + ": placed " + n + " x " + shelf.product().sku() + ", now " + shelf.count());
    }

    void pick(SmartShelfSimulator shelf, int n) {
        clock.atomically(() -> shelf.pick(n));
        expect(shelf.product().sku(), shelf.device(), -n);
        step(shelf.device().id() + ": picked " + n + " x " + shelf.product().sku() + ", now " + shelf.count());
    }

    /** One reading from every climate sensor. */
    void climateRound() {
        for (ClimateSensorSimulator c : climates) {
            c.report();
        }
        if (climates.isEmpty()) {
            return;
        }
        // every reading at INFO would drown the other actions: one line per ~30 s of 2-second rounds
        String line = "climate: " + climates.stream()
                .map(c -> c.device().id() + " " + String.format(java.util.Locale.ROOT, "%.2f", c.lastTemperatureC()) + " °C")
                .collect(Collectors.joining(", "));
        if (climateRounds++ % CLIMATE_ROUNDS_PER_LOG == 0) {
            step(line);
        } else {
            LOG.debug("{}", line);
        }
    }

    // ---- bookkeeping ----------------------------------------------------------------------------

    void advance() {
        progress.advance();
    }

    void step(String line) {
        progress.step(line);
        LOG.info("{}", line);
    }

    Optional<RfidPortalSimulator> portal(String deviceId) {
        return portals.stream().filter(p -> p.device().id().equals(deviceId)).findFirst();
    }

    Optional<SmartShelfSimulator> shelf(String deviceId) {
        return shelves.stream().filter(p -> p.device().id().equals(deviceId)).findFirst();
    }

    /**
     * An inbound pass with the pitfalls of a real dock: a neighbouring portal cross-reading the same
     * tags weakly, tags in the staging area read faintly, and unencoded factory tags among the cases.
     * Only the cases change stock, at this portal.
     */
    void receive(RfidPortalSimulator portal, List<CaseTags.Case> cases, String palletSsccHex, RfidPortalSimulator crossReader,
                 int strayTags, int factoryTags) {
        List<String> factory = new ArrayList<>();
        for (int i = 0; i < factoryTags; i++) {
            factory.add(randomHex("E280", 24));
        }
        List<String> stray = new ArrayList<>();
        for (int i = 0; i < strayTags; i++) {
            stray.add(randomHex("E200", 24));
        }
        List<String> tags = epcs(cases);
        if (palletSsccHex != null) {
            tags.add(palletSsccHex);
        }
        tags.addAll(factory);
        awaitQuiet(portal);
        if (crossReader != null) {
            awaitQuiet(crossReader);
        }
        clock.atomically(() -> {
            portal.strayReads(stray);
            portal.receive(tags);
            if (crossReader != null) {
                crossReader.crossRead(tags);
            }
        });
        markPass(portal);
        if (crossReader != null) {
            markPass(crossReader);
        }
        for (CaseTags.Case c : cases) {
            expect(c.sku(), portal.device(), 1);
        }
        inStock.computeIfAbsent(portal.device().id(), k -> new ArrayList<>()).addAll(cases);
        step(portal.device().id() + ": inbound pallet, " + cases.size() + " cases " + bySku(cases)
                + (palletSsccHex == null ? "" : " + pallet SSCC") + (crossReader == null ? "" : ", cross-read by " + crossReader.device().id())
                + (strayTags + factoryTags == 0 ? "" : ", " + strayTags + " stray and " + factoryTags + " factory tag(s)"));
    }

    private String randomHex(String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < length) {
            b.append(Character.toUpperCase(Character.forDigit(random.nextInt(16), 16)));
        }
        return b.toString();
    }

    /** Climate sensors of a zone (all when {@code zone} is null). */
    List<ClimateSensorSimulator> climates(String zone) {
        return climates.stream().filter(c -> zone == null || zone.equals(c.device().zone())).toList();
    }

    private void expect(String sku, Device device, int delta) {
        StockKey key = new StockKey(sku, device.warehouse(), device.location());
        expected.merge(key, BigDecimal.valueOf(delta), BigDecimal::add);
    }

    ScenarioResult result(String scenario) {
        Map<String, Integer> perDevice = new LinkedHashMap<>();
        portals.forEach(p -> perDevice.put(p.device().id(), (int) p.messagesSent()));
        shelves.forEach(s -> perDevice.put(s.device().id(), (int) s.messagesSent()));
        climates.forEach(c -> perDevice.put(c.device().id(), (int) c.messagesSent()));
        long total = perDevice.values().stream().mapToLong(Integer::longValue).sum();
        Map<StockKey, BigDecimal> delta = new LinkedHashMap<>();
        expected.forEach((k, v) -> {
            if (v.signum() != 0) {
                delta.put(k, v);
            }
        });
        return new ScenarioResult(scenario, total, delta, perDevice, faults == null ? Map.of() : faults.injected());
    }

    private static List<String> epcs(List<CaseTags.Case> cases) {
        List<String> out = new ArrayList<>(cases.size() + 1);
        cases.forEach(c -> out.add(c.epcHex()));
        return out;
    }

    private static String bySku(List<CaseTags.Case> cases) {
        Map<String, Long> counts = new TreeMap<>(cases.stream().collect(Collectors.groupingBy(CaseTags.Case::sku, Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
