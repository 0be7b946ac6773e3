package io.stocksense.sim.script;

import io.stocksense.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenarioScriptParserTest {

    @Test
    void aFullScriptIsReadWithItsStepsFaultsSeedAndSpeed() throws Exception {
        ScenarioScript s = ScenarioScriptParser.parse("""
                name: dock-test
                description: one pallet
                seed: 9
                speed: 5
                duration: 2m
                steps:
                  - { at: 0s, every: 2s, do: climate, zone: COLD }
                  - { at: 3s, do: receive, device: portal-dock1, cases: 12, pallet: true, strayTags: 2 }
                faults:
                  - { device: portal-dock1, duplicate: 0.2, garble: 0.05 }
                  - { device: shelf-a1, unplug: { at: 30s, for: 20s } }
                  - { broker-outage: { at: 40s, for: 10s } }
                """, "dock.yaml");
        assertThat(s.name()).isEqualTo("dock-test");
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.speed()).isEqualTo(5.0);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(1).params()).containsEntry("cases", "12").containsEntry("pallet", "true").containsEntry("strayTags", "2");
        assertThat(s.steps().get(1).line()).isEqualTo(8);
        assertThat(s.faults()).hasSize(3);
        assertThat(s.faults().get(0).duplicate()).isEqualTo(0.2);
        assertThat(s.faults().get(1).unplug()).isTrue();
        assertThat(s.faults().get(1).to()).isEqualTo(Duration.ofSeconds(50));
        assertThat(s.faults().get(2).outage()).isTrue();
    }

    @Test
    void everyProblemIsReportedWithLineAndField() {
        ScenarioScriptException e = catchThrowableOfType(ScenarioScriptException.class, () -> ScenarioScriptParser.parse("""
                name: Bad Name
                speed: fast
                steps:
                  - { at: 0s, do: dance }
                  - { at: 1s, do: pick, device: shelf-a1, items: many }
                  - { do: receive, device: portal-dock1, colour: red }
                faults:
                  - { device: portal-dock1, drop: 2 }
                """, "bad.yaml"));
        assertThat(e.errors()).extracting(ConfigError::line, ConfigError::field).contains(
                org.assertj.core.groups.Tuple.tuple(1, "name"),
                org.assertj.core.groups.Tuple.tuple(2, "speed"),
                org.assertj.core.groups.Tuple.tuple(4, "steps[0].do"),
                org.assertj.core.groups.Tuple.tuple(5, "steps[1].items"),
                org.assertj.core.groups.Tuple.tuple(6, "steps[2].at"),
                org.assertj.core.groups.Tuple.tuple(6, "steps[2].colour"),
                org.assertj.core.groups.Tuple.tuple(8, "faults[0]"));
        assertThat(e.getMessage()).contains("bad.yaml:4: steps[0].do: unknown action 'dance'").contains("between 0 and 1");
    }

    @Test
    void brokenYamlIsOneErrorAtItsLine() {
        assertThatThrownBy(() -> ScenarioScriptParser.parse("name: x\nsteps: [ { at: 0s\n", "broken.yaml"))
                .isInstanceOf(ScenarioScriptException.class).hasMessageStartingWith("broken.yaml:").hasMessageContaining("yaml");
    }
}
