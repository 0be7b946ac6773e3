package io.stocksense.sim;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Site;
import io.stocksense.sim.device.SimClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios on a virtual clock into a recording sink: fast, and byte-for-byte comparable. */
class ScenarioRunnerTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    final Site site = DemoSite.load();

    record Run(ScenarioResult result, Traffic traffic, Instant end) {
    }

    Run run(String scenario, long seed, Duration limit) {
        SimClock clock = SimClock.virtual(T0, limit);
        RecordingSink sink = new RecordingSink(clock);
        ScenarioResult result = new ScenarioRunner(site, sink, clock, seed).run(scenario);
        return new Run(result, sink.traffic, clock.now());
    }

    @Test
    void e2eSendsWhatTheGatewayMustTurnIntoTheExpectedStock() {
        Run run = run("e2e", 42, Duration.ofHours(1));
        E2eTrafficCheck.verify(site, run.result(), run.traffic());
        assertThat(run.result().scenario()).isEqualTo("e2e");
        assertThat(run.result().expectedStockDelta()).hasSize(8);
    }

    @Test
    void e2eEndsOnlyAfterThePortalHasBeenQuietForItsQuietPeriodPlusOneSecond() {
        Run run = run("e2e", 42, Duration.ofHours(1));
        Device portal = DemoSite.devices(site, DeviceFamily.RFID_PORTAL).get(0);
        List<Traffic.Message> reads = run.traffic().onTopic(portal.address());
        Instant lastRead = reads.get(reads.size() - 1).at();
        assertThat(Duration.between(lastRead, run.end())).isGreaterThanOrEqualTo(portal.portal().quietPeriod().plusSeconds(1));
        assertThat(Duration.between(T0, run.end())).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void theSameSeedPlaysTheSameMessages() {
        for (String scenario : List.of("e2e", "receive-pallet", "dispatch", "shelf-picks", "temperatures")) {
            Run a = run(scenario, 7, Duration.ofHours(1));
            Run b = run(scenario, 7, Duration.ofHours(1));
            assertThat(a.traffic().all()).as(scenario).isNotEmpty().hasSameSizeAs(b.traffic().all());
            for (int i = 0; i < a.traffic().all().size(); i++) {
                assertThat(a.traffic().all().get(i).sameAs(b.traffic().all().get(i))).as("%s message %d", scenario, i).isTrue();
            }
            assertThat(a.result()).isEqualTo(b.result());
        }
    }

    @Test
    void anotherSeedPlaysOtherTags() {
        Set<String> a = caseEpcs(run("e2e", 1, Duration.ofHours(1)));
        Set<String> b = caseEpcs(run("e2e", 2, Duration.ofHours(1)));
        assertThat(a).hasSize(40);
        assertThat(b).hasSize(40).doesNotContainAnyElementsOf(a);
    }

    @Test
    void dispatchSendsOutHalfOfWhatReceivePalletBroughtInWithTheSameSeed() {
        Run in = run("receive-pallet", 5, Duration.ofHours(1));
        Run out = run("dispatch", 5, Duration.ofHours(1));
        Set<String> received = caseEpcs(in);
        Set<String> dispatched = caseEpcs(out);
        assertThat(received).hasSize(40);
        assertThat(dispatched).hasSize(20);
        assertThat(received).containsAll(dispatched);

        Device portal = DemoSite.devices(site, DeviceFamily.RFID_PORTAL).get(0);
        List<Traffic.TagReport> reports = out.traffic().tagReports(portal.address());
        assertThat(reports.get(0).antenna()).isEqualTo(portal.portal().innerAntenna());
        BigDecimal inTotal = in.result().expectedStockDelta().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal outTotal = out.result().expectedStockDelta().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(inTotal).isEqualByComparingTo("40");
        assertThat(outTotal).isEqualByComparingTo("-20");
        assertThat(out.result().expectedStockDelta().keySet()).allMatch(k -> k.location().equals("DOCK-1"));
    }

    @Test
    void palletSizeChangesReceivePallet() {
        SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
        RecordingSink sink = new RecordingSink(clock);
        ScenarioResult r = new ScenarioRunner(site, sink, clock, 3).palletSize(9).run("receive-pallet");
        assertThat(r.expectedStockDelta().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("9");
        assertThatThrownBy(() -> new ScenarioRunner(site, sink, clock, 3).palletSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRestartedDemoResumesShelvesFromTheGivenCountsWithoutAPhantomMovement() {
        SimClock clock = SimClock.virtual(T0, Duration.ofSeconds(3));
        RecordingSink sink = new RecordingSink(clock);
        new ScenarioRunner(site, sink, clock, 5).shelfStartCounts(java.util.Map.of("SHELF-A1", 17, "SHELF-A2", 3)).run("demo");
        // SHELF-A1 holds 17 bolts of 33.5 g: its first stable reading is exactly that, and 17 >= 10 needs no refill
        List<BigDecimal> a1 = sink.traffic.stableWeights("shelf/SHELF-A1/weight");
        assertThat(a1.get(0)).isEqualByComparingTo("569.5");
        assertThat(a1).hasSize(1);
        // SHELF-A2 holds 3 nuts (3 x 5.2 g): baseline at 15.6 g, then a refill above it
        List<BigDecimal> a2 = sink.traffic.stableWeights("shelf/SHELF-A2/weight");
        assertThat(a2.get(0)).isEqualByComparingTo("15.6");
        assertThat(a2.get(1)).isGreaterThan(new BigDecimal("15.6"));
        // a slot not named starts empty
        assertThat(sink.traffic.stableWeights("shelf/SHELF-A3/weight").get(0)).isEqualByComparingTo("0");
    }

    @Test
    void theDemoRunsUntilStoppedAndIsReproducible() {
        Run a = run("demo", 11, Duration.ofMinutes(10));
        Run b = run("demo", 11, Duration.ofMinutes(10));
        assertThat(a.traffic().all()).hasSameSizeAs(b.traffic().all());
        for (int i = 0; i < a.traffic().all().size(); i++) {
            assertThat(a.traffic().all().get(i).sameAs(b.traffic().all().get(i))).as("demo message %d", i).isTrue();
        }
        assertThat(a.result()).isEqualTo(b.result());
        assertThat(a.end()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void theDemoHasPalletsPicksClimateExcursionsAndDispatches() {
        Run run = run("demo", 11, Duration.ofMinutes(10));
        Traffic t = run.traffic();
        // climate every 2 s: ~300 readings per sensor in 10 minutes
        for (Device sensor : DemoSite.devices(site, DeviceFamily.CLIMATE_SENSOR)) {
            assertThat(t.onTopic(sensor.address()).size()).isBetween(270, 301);
        }
        double coldMax = DemoSite.devices(site, DeviceFamily.CLIMATE_SENSOR).stream().filter(d -> "COLD".equals(d.zone()))
                .flatMap(d -> t.onTopic(d.address()).stream()).mapToDouble(m -> m.json().get("temperature").asDouble()).max().orElseThrow();
        assertThat(coldMax).as("a door-open excursion towards 9 °C").isBetween(8.5, 9.4);

        Device portal = DemoSite.devices(site, DeviceFamily.RFID_PORTAL).get(0);
        List<Traffic.TagReport> reports = t.tagReports(portal.address());
        long sscc = reports.stream().map(Traffic.TagReport::epcHex).distinct().filter(e -> e.startsWith("31")).count();
        assertThat(sscc).as("pallets (SSCC tags)").isBetween(20L, 35L);
        BigDecimal atDock = run.result().expectedStockDelta().entrySet().stream().filter(e -> e.getKey().location().equals("DOCK-1"))
                .map(java.util.Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        long cases = reports.stream().map(Traffic.TagReport::epcHex).distinct().filter(e -> e.startsWith("30")).count();
        assertThat(atDock.longValueExact()).as("some cases went out again").isLessThan(cases).isPositive();

        // ~5 s between shelf actions; no shelf ever below zero
        int shelfMoves = 0;
        for (Device shelf : DemoSite.devices(site, DeviceFamily.SMART_SHELF)) {
            List<BigDecimal> stable = t.stableWeights(shelf.address());
            assertThat(stable.get(0)).isEqualByComparingTo("0");
            assertThat(stable).allMatch(g -> g.compareTo(new BigDecimal("-1")) > 0);
            shelfMoves += stable.size() - 1;
        }
        assertThat(shelfMoves).isBetween(100, 130);
    }

    @Test
    void anUnknownScenarioNamesTheValidOnes() {
        SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
        assertThatThrownBy(() -> new ScenarioRunner(site, new RecordingSink(clock), clock, 1).run("party"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("party").hasMessageContaining("e2e, receive-pallet, dispatch, shelf-picks, temperatures, demo, busy-dock");
        assertThat(ScenarioRunner.scenarioNames()).containsExactly("e2e", "receive-pallet", "dispatch", "shelf-picks", "temperatures", "demo",
                "busy-dock", "cold-chain-failure", "unreliable-devices");
    }

    @Test
    void aStoppedRunnerPlaysNothing() {
        SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
        RecordingSink sink = new RecordingSink(clock);
        ScenarioRunner runner = new ScenarioRunner(site, sink, clock, 1);
        runner.stop();
        ScenarioResult r = runner.run("e2e");
        assertThat(r.messagesSent()).isZero();
        assertThat(r.expectedStockDelta()).isEmpty();
        assertThat(sink.traffic.all()).isEmpty();
    }

    private Set<String> caseEpcs(Run run) {
        Device portal = DemoSite.devices(site, DeviceFamily.RFID_PORTAL).get(0);
        return run.traffic().tagReports(portal.address()).stream().map(Traffic.TagReport::epcHex)
                .filter(e -> e.startsWith("30")).collect(Collectors.toCollection(HashSet::new));
    }
}
