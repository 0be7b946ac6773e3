package io.stocksense.sim;

import io.stocksense.config.ConfigError;
import io.stocksense.config.Site;
import io.stocksense.sim.device.SimClock;
import io.stocksense.sim.script.ScenarioScript;
import io.stocksense.sim.script.ScenarioScriptParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YAML scenarios on the demo site, on a virtual clock. */
class ScriptedScenarioTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    final Site site = DemoSite.load();

    record Run(ScenarioResult result, Traffic traffic, Instant end, ScenarioProgress progress) {
    }

    Run run(String scenario, long seed) {
        SimClock clock = SimClock.virtual(T0, Duration.ofHours(2));
        RecordingSink sink = new RecordingSink(clock);
        ScenarioRunner runner = new ScenarioRunner(site, sink, clock, seed);
        ScenarioResult result = runner.run(scenario);
        return new Run(result, sink.traffic, clock.now(), runner.progress());
    }

    @Test
    void everyBundledScenarioParsesAndFitsTheDemoSite() {
        for (String name : BundledScripts.names()) {
            ScenarioScript script = BundledScripts.find(name).orElseThrow();
            assertThat(script.name()).isEqualTo(name);
            assertThat(ScenarioRunner.check(script, site)).as(name).isEmpty();
        }
        assertThat(BundledScripts.names()).containsExactly("busy-dock", "cold-chain-failure", "unreliable-devices");
    }

    @Test
    void busyDockBooksItsPalletsPicksAndDispatchAndRunsSpedUp() {
        Run run = run("busy-dock", 11);
        BigDecimal dock = run.result().expectedStockDelta().entrySet().stream().filter(e -> e.getKey().location().equals("DOCK-1"))
                .map(java.util.Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(dock).isEqualByComparingTo("29");                      // 12 + 8 + 15 in, 6 out
        assertThat(run.result().expectedStockDelta()).containsEntry(new ScenarioResult.StockKey("BOLT-M8", "WH1", "SHELF-A1"), new BigDecimal("17"))
                .containsEntry(new ScenarioResult.StockKey("NUT-M8", "WH1", "SHELF-A2"), new BigDecimal("33"));
        // 2 minutes of scenario at speed 4: the last step is due after 27.5 s (virtual)
        assertThat(Duration.between(T0, run.end())).isBetween(Duration.ofMillis(27_500), Duration.ofSeconds(40));
        assertThat(run.progress().stepsDone()).isEqualTo(run.progress().stepsTotal()).isEqualTo(12 + 10);
        assertThat(run.result().faultsInjected()).isEmpty();
        // stray tags are read below the portal's minRssiDbm (-75), factory tags are E2... among the pass
        List<Traffic.TagReport> reads = run.traffic().tagReports("zebra/fx9600-dock1/events");
        assertThat(reads).anyMatch(r -> r.epcHex().startsWith("E280")).anyMatch(r -> r.epcHex().startsWith("E200"));
    }

    @Test
    void theSameSeedPlaysTheSameScriptAndAnotherSeedAnother() {
        Run a = run("unreliable-devices", 5);
        Run b = run("unreliable-devices", 5);
        Run c = run("unreliable-devices", 6);
        assertThat(a.traffic().all()).hasSameSizeAs(b.traffic().all());
        for (int i = 0; i < a.traffic().all().size(); i++) {
            assertThat(a.traffic().all().get(i).payload()).isEqualTo(b.traffic().all().get(i).payload());
        }
        assertThat(a.result().faultsInjected()).isEqualTo(b.result().faultsInjected()).isNotEqualTo(c.result().faultsInjected());
    }

    @Test
    void unreliableDevicesInjectsEachOfItsFaults() {
        Run run = run("unreliable-devices", 5);
        ScenarioResult r = run.result();
        assertThat(r.faultsInjected().get("shelf-a4")).isEqualTo(java.util.Map.of("unplug", 1L));   // its baseline never arrives
        assertThat(r.faults("broker-outage")).isPositive();
        assertThat(r.faultsInjected().get("portal-dock1")).containsKeys("duplicate", "reorder");
        assertThat(r.faultsInjected().get("cold-sensor-1")).containsKey("delay");
        // what was sent = what the devices produced - drops - unplugged + duplicates
        long expected = r.messagesSent() - r.faults("drop") - r.faults("unplug") + r.faults("duplicate");
        assertThat(run.traffic().all()).hasSize((int) expected);
    }

    @Test
    void coldChainFailureWarmsTheColdRoomUntilTheRepair() {
        Run run = run("cold-chain-failure", 7);
        List<Double> temps = run.traffic().onTopic("zigbee2mqtt/cold-room-1").stream()
                .map(m -> io.stocksense.protocol.Json.read(m.payload(), com.fasterxml.jackson.databind.JsonNode.class).get("temperature").asDouble()).toList();
        assertThat(temps).hasSize(60);                                         // 20 minutes, every 20 s
        // a reading due at the same time as a change is taken just before it (file order)
        assertThat(temps.subList(0, 7)).allSatisfy(t -> assertThat(t).isBetween(4.7, 5.3));
        assertThat(temps.subList(7, 10)).allSatisfy(t -> assertThat(t).isBetween(8.7, 9.3));      // door open 2m..3m
        assertThat(temps.subList(10, 16)).allSatisfy(t -> assertThat(t).isBetween(4.7, 5.3));
        assertThat(temps.get(16)).isBetween(4.85, 5.45);                        // compressor failed at 5m: +0.15 per reading
        assertThat(temps.get(45)).isBetween(9.2, 9.8);                          // 30 readings later, just before the repair
        assertThat(temps.subList(46, 60)).allSatisfy(t -> assertThat(t).isBetween(4.7, 5.3));
    }

    @Test
    void aScriptThatDoesNotFitTheSiteNamesEachMismatch() throws Exception {
        ScenarioScript script = ScenarioScriptParser.parse("""
                name: misfit
                steps:
                  - { at: 0s, do: pick, device: portal-dock1, items: 1 }
                  - { at: 1s, do: receive, device: portal-9 }
                  - { at: 2s, do: door-open, zone: FREEZER }
                """, "misfit.yaml");
        assertThat(ScenarioRunner.check(script, site)).extracting(ConfigError::toString).containsExactly(
                "misfit.yaml:3: steps[0].device: 'portal-dock1' is a rfid-portal; 'pick' needs a smart-shelf",
                "misfit.yaml:4: steps[1].device: site demo has no device 'portal-9'",
                "misfit.yaml:5: steps[2].zone: site demo has no zone 'FREEZER'");
        SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
        assertThatThrownBy(() -> new ScenarioRunner(site, new RecordingSink(clock), clock, 1).run(script))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit site demo");
    }
}
