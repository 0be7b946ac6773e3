package io.stocksense.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "0ms, PT0S",
            "2s, PT2S",
            "90s, PT1M30S",
            "15m, PT15M",
            "1h, PT1H",
            "36h, PT36H",
            "PT15M, PT15M",
            "PT1H30M, PT1H30M",
            "PT0.25S, PT0.25S",
            "P1D, PT24H",
            "pt2s, PT2S"
    })
    void parsesShortFormsAndIso8601(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2 s", "2sec", "1.5s", "-2s", "15M", "1d", "s", "PTX", "P"})
    void refusesAnythingElseNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageEndingWith("use 500ms, 2s, 15m, 1h or ISO-8601 like PT15M");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refusesNothing(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a duration is required: use 500ms, 2s, 15m, 1h or ISO-8601 like PT15M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5M", "-PT5M"})
    void refusesNegativeIsoDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
