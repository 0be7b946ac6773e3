package io.stocksense.sim;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.EpcDecodeResult;
import io.stocksense.protocol.epc.Sgtin;
import io.stocksense.sim.ScenarioResult.StockKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code e2e} scenario must have put on the wire for the demo site, checked the way the
 * gateway will read it: portal direction from antenna order, shelf movements from stable weights.
 */
final class E2eTrafficCheck {

    private E2eTrafficCheck() {
    }

    static void verify(Site site, ScenarioResult result, Traffic traffic) {
        Map<StockKey, BigDecimal> observed = new LinkedHashMap<>();
        verifyPortal(site, traffic, observed);
        List<Integer> picks = verifyShelves(site, traffic, observed);
        assertThat(picks).containsExactly(-2, -1, -3);
        verifyClimate(site, traffic);

        assertThat(result.expectedStockDelta()).isEqualTo(observed);
        BigDecimal atDock = result.expectedStockDelta().entrySet().stream().filter(e -> e.getKey().location().equals("DOCK-1"))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(atDock).isEqualByComparingTo("40");
        assertThat(result.messagesSent()).isEqualTo(traffic.all().size());
        assertThat(result.messagesPerDevice().values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(result.messagesSent());
    }

    private static void verifyPortal(Site site, Traffic traffic, Map<StockKey, BigDecimal> observed) {
        Device portal = DemoSite.devices(site, DeviceFamily.RFID_PORTAL).get(0);
        List<Traffic.TagReport> reports = traffic.tagReports(portal.address());
        Map<String, List<Integer>> antennasByEpc = new LinkedHashMap<>();
        reports.forEach(r -> antennasByEpc.computeIfAbsent(r.epcHex(), k -> new ArrayList<>()).add(r.antenna()));
        Set<String> cases = new LinkedHashSet<>();
        antennasByEpc.keySet().stream().filter(epc -> epc.startsWith("30")).forEach(cases::add);
        assertThat(cases).hasSize(40);
        for (Map.Entry<String, List<Integer>> e : antennasByEpc.entrySet()) {
            List<Integer> antennas = e.getValue();
            int firstInner = antennas.indexOf(2);
            assertThat(antennas.get(0)).as("first antenna of %s", e.getKey()).isEqualTo(1);
            assertThat(antennas.subList(firstInner, antennas.size())).as("after the first inner read of %s", e.getKey()).containsOnly(2);
            assertThat(firstInner).isBetween(2, 4);
            assertThat(antennas.size() - firstInner).isBetween(2, 4);
        }
        Map<String, Integer> perSku = new HashMap<>();
        for (String epc : cases) {
            EpcDecodeResult decoded = EpcCodec.decode(epc);
            assertThat(decoded.isDecoded()).as("%s decodes", epc).isTrue();
            Sgtin sgtin = (Sgtin) decoded.identity();
            Product p = site.productByGtin(sgtin.gtin14()).orElseThrow();
            assertThat(p.unitWeightGrams()).isNull();
            perSku.merge(p.sku(), 1, Integer::sum);
            observed.merge(new StockKey(p.sku(), portal.warehouse(), portal.location()), BigDecimal.ONE, BigDecimal::add);
        }
        assertThat(perSku.values()).containsOnly(10);
    }

    /** Each shelf's stable weights: a 0 g baseline, a placement of 10-20, then the picks; returns the picks. */
    private static List<Integer> verifyShelves(Site site, Traffic traffic, Map<StockKey, BigDecimal> observed) {
        List<Integer> picks = new ArrayList<>();
        List<Device> shelves = DemoSite.devices(site, DeviceFamily.SMART_SHELF);
        assertThat(shelves).hasSize(4);
        // picks are in scenario order across shelves: collect (time, n) then sort
        List<Object[]> timed = new ArrayList<>();
        for (Device shelf : shelves) {
            Product product = site.product(shelf.shelf().sku()).orElseThrow();
            List<Traffic.Message> msgs = traffic.onTopic(shelf.address());
            List<Traffic.ShelfReading> readings = traffic.shelfReadings(shelf.address());
            assertThat(readings.get(0)).isEqualTo(new Traffic.ShelfReading(new BigDecimal("0.0"), true));
            assertThat(readings).anyMatch(r -> !r.stable());
            BigDecimal previous = null;
            int movements = 0;
            for (int i = 0; i < readings.size(); i++) {
                if (!readings.get(i).stable()) {
                    continue;
                }
                BigDecimal grams = readings.get(i).grams();
                if (previous != null) {
                    BigDecimal diff = grams.subtract(previous);
                    int n = diff.divide(product.unitWeightGrams(), 0, RoundingMode.HALF_EVEN).intValueExact();
                    BigDecimal off = diff.subtract(product.unitWeightGrams().multiply(BigDecimal.valueOf(n))).abs();
                    assertThat(off).as("%s reading %d off a whole item count", shelf.id(), i)
                            .isLessThanOrEqualTo(shelf.shelf().toleranceGrams().divide(BigDecimal.valueOf(2)));
                    if (movements == 0) {
                        assertThat(n).isBetween(10, 20);
                    } else {
                        assertThat(n).isNegative();
                        timed.add(new Object[] {msgs.get(i).at(), n});
                    }
                    observed.merge(new StockKey(product.sku(), shelf.warehouse(), shelf.location()), BigDecimal.valueOf(n), BigDecimal::add);
                    movements++;
                }
                previous = grams;
            }
            assertThat(movements).isGreaterThanOrEqualTo(1);
        }
        timed.sort((a, b) -> ((java.time.Instant) a[0]).compareTo((java.time.Instant) b[0]));
        timed.forEach(t -> picks.add((Integer) t[1]));
        return picks;
    }

    private static void verifyClimate(Site site, Traffic traffic) {
        for (Device sensor : DemoSite.devices(site, DeviceFamily.CLIMATE_SENSOR)) {
            List<Traffic.Message> msgs = traffic.onTopic(sensor.address());
            assertThat(msgs).hasSizeGreaterThanOrEqualTo(3);
            double setpoint = "COLD".equals(sensor.zone()) ? 5.0 : 21.0;
            for (Traffic.Message m : msgs) {
                assertThat(m.json().get("temperature").asDouble()).isBetween(setpoint - 0.31, setpoint + 0.31);
            }
        }
    }
}
