package io.stocksense.edge.adapter.serial;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialOptionsTest {

    @Test
    void defaultsAre9600EightNoneOneContinuousCrlf() {
        assertThat(SerialOptions.defaults()).isEqualTo(new SerialOptions(9600, 8, SerialOptions.Parity.NONE, 1,
                SerialOptions.Mode.CONTINUOUS, "SI", Duration.ofMillis(500), SerialOptions.Framing.CRLF, true));
    }

    @Test
    void readsEveryOption() {
        SerialOptions o = SerialOptions.parse(Map.of("baud", "4800", "dataBits", "7", "parity", "even", "stopBits", "2",
                "mode", "poll", "pollCommand", "S", "pollInterval", "2s", "framing", "stx-cr", "checksum", "false"));

        assertThat(o).isEqualTo(new SerialOptions(4800, 7, SerialOptions.Parity.EVEN, 2, SerialOptions.Mode.POLL, "S",
                Duration.ofSeconds(2), SerialOptions.Framing.STX_CR, false));
    }

    @Test
    void aBadValueNamesTheOptionAndTheAllowedValues() {
        assertThatThrownBy(() -> SerialOptions.parse(Map.of("parity", "mark")))
                .hasMessage("option parity must be one of none, even, odd, was 'mark'");
        assertThatThrownBy(() -> SerialOptions.parse(Map.of("dataBits", "9")))
                .hasMessage("option dataBits must be one of [7, 8], was '9'");
        assertThatThrownBy(() -> SerialOptions.parse(Map.of("baud", "fast")))
                .hasMessageStartingWith("option baud must be one of [300, 600, 1200, 2400, 4800, 9600,");
        assertThatThrownBy(() -> SerialOptions.parse(Map.of("framing", "stx")))
                .hasMessage("option framing must be one of crlf, stx-cr, was 'stx'");
        assertThatThrownBy(() -> SerialOptions.parse(Map.of("pollInterval", "0ms")))
                .hasMessage("option pollInterval must be a positive duration such as 500ms or 2s, was '0ms'");
        assertThatThrownBy(() -> SerialOptions.parse(Map.of("baudrate", "9600")))
                .hasMessageStartingWith("unknown serial option 'baudrate'; allowed: baud, dataBits, parity");
    }

    @Test
    void dottedOptionsOfOtherLayersAreLeftToThem() {
        SerialOptions o = SerialOptions.parse(Map.of("baud", "4800", "shelf.stableReadings", "20", "json.weight", "$.w"));
        assertThat(o.baud()).isEqualTo(4800);
    }
}
