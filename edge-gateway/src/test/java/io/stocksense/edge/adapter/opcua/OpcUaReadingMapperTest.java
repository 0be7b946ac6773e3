package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.ClimateReading;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.stocksense.edge.adapter.opcua.OpcUaDeviceSettings.Role.GROSS;
import static io.stocksense.edge.adapter.opcua.OpcUaDeviceSettings.Role.HUMIDITY;
import static io.stocksense.edge.adapter.opcua.OpcUaDeviceSettings.Role.NET;
import static io.stocksense.edge.adapter.opcua.OpcUaDeviceSettings.Role.STABLE;
import static io.stocksense.edge.adapter.opcua.OpcUaDeviceSettings.Role.TARE;
import static io.stocksense.edge.adapter.opcua.OpcUaDeviceSettings.Role.TEMPERATURE;
import static org.assertj.core.api.Assertions.assertThat;

class OpcUaReadingMapperTest {

    private static final Instant T1 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-23T10:00:01Z");
    private static final String OK = "Good (0x00000000)";

    private static OpcUaReadingMapper mapper(String codec, Map<String, String> options) {
        Device d = new Device("dev-1", "gw-1", DeviceFamily.SMART_SHELF, Transport.OPCUA, "opc.tcp://127.0.0.1:4840/x", codec,
                "WH1", "SHELF-A1", null, null, null, options);
        return new OpcUaReadingMapper("dev-1", OpcUaDeviceSettings.of(d));
    }

    private static OpcUaReadingMapper scale() {
        return mapper("opc-ua-40200", Map.of("nodes.gross", "ns=2;s=G", "nodes.stable", "ns=2;s=S"));
    }

    private static NodeSample good(OpcUaDeviceSettings.Role role, Object value, Instant at) {
        return new NodeSample(role, "ns=2;s=" + role.name(), value, true, OK, at);
    }

    @Test
    void grossAndStableInOnePublishGiveOneReadingWithTheLaterSourceTime() {
        DecodeResult r = scale().accept(List.of(good(GROSS, 1340.0, T1), good(STABLE, true, T2)));

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new WeightReading("dev-1", T2, new BigDecimal("1340.0"), true));
    }

    @Test
    void nothingIsEmittedUntilEveryNeededValueIsKnownNorWhenNothingChanged() {
        OpcUaReadingMapper m = scale();
        assertThat(m.accept(List.of(good(GROSS, 1340.0, T1))).readings()).isEmpty();
        assertThat(m.accept(List.of(good(STABLE, true, T1))).readings()).hasSize(1);
        // the initial values re-sent after a reconnect repeat nothing
        assertThat(m.accept(List.of(good(GROSS, 1340.0, T2), good(STABLE, true, T2))).readings()).isEmpty();
        assertThat(m.accept(List.of(good(STABLE, false, T2))).readings())
                .containsExactly(new WeightReading("dev-1", T2, new BigDecimal("1340.0"), false));
        assertThat(m.accept(List.of(good(GROSS, 1273.0, T2), good(STABLE, true, T2))).readings())
                .containsExactly(new WeightReading("dev-1", T2, new BigDecimal("1273.0"), true));
    }

    @Test
    void aBadStatusIsARejectionNamingTheNodeAndStatusAndTheValueIsUnknownUntilAGoodOne() {
        OpcUaReadingMapper m = scale();
        m.accept(List.of(good(GROSS, 1340.0, T1), good(STABLE, true, T1)));

        DecodeResult bad = m.accept(List.of(new NodeSample(GROSS, "ns=2;s=G", null, false,
                "Bad_NodeIdUnknown (0x80340000)", null)));
        assertThat(bad.readings()).isEmpty();
        assertThat(bad.rejections()).extracting(Rejection::reason)
                .containsExactly("nodes.gross ns=2;s=G: status Bad_NodeIdUnknown (0x80340000)");
        assertThat(m.accept(List.of(good(STABLE, false, T2))).readings()).isEmpty();
        assertThat(m.accept(List.of(good(GROSS, 1306.5, T2))).readings())
                .containsExactly(new WeightReading("dev-1", T2, new BigDecimal("1306.5"), false));
    }

    @Test
    void wrongTypesAreRejectionsWithTheTypeAndValue() {
        DecodeResult r = scale().accept(List.of(good(GROSS, "heavy", T1), good(STABLE, 1, T1), good(GROSS, Double.NaN, T1)));

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(
                "nodes.gross ns=2;s=GROSS: expected a finite number, got String heavy",
                "nodes.stable ns=2;s=STABLE: expected a Boolean, got Integer",
                "nodes.gross ns=2;s=GROSS: expected a finite number, got Double NaN");
        assertThat(r.rejections().get(0).excerpt()).isEqualTo("nodes.gross ns=2;s=GROSS = heavy (String) " + OK);
    }

    @Test
    void netWinsOverGrossAndTareIsSubtractedWhenThereIsNoNet() {
        OpcUaReadingMapper net = mapper("opc-ua-40200", Map.of("nodes.gross", "ns=2;s=G", "nodes.net", "ns=2;s=N"));
        assertThat(net.accept(List.of(good(GROSS, 1500.0, T1), good(NET, 1340.0, T1))).readings())
                .containsExactly(new WeightReading("dev-1", T1, new BigDecimal("1340.0"), true));

        OpcUaReadingMapper tare = mapper("opcua", Map.of("nodes.gross", "ns=2;s=G", "nodes.tare", "ns=2;s=T"));
        assertThat(tare.accept(List.of(good(GROSS, 1500.0, T1))).readings()).isEmpty();
        assertThat(tare.accept(List.of(good(TARE, 160, T1))).readings())
                .containsExactly(new WeightReading("dev-1", T1, new BigDecimal("1340.0"), true));
    }

    @Test
    void aSensorReportsOnlyTheValuesThatChanged() {
        OpcUaReadingMapper m = mapper("opc-ua-analog", Map.of("nodes.temperature", "ns=2;s=T", "nodes.humidity", "ns=2;s=H"));

        assertThat(m.accept(List.of(good(TEMPERATURE, 4.5, T1), good(HUMIDITY, 55.0f, T1))).readings())
                .containsExactly(new ClimateReading("dev-1", T1, 4.5, 55.0, null));
        assertThat(m.accept(List.of(good(TEMPERATURE, 4.5, T2))).readings()).isEmpty();
        assertThat(m.accept(List.of(good(TEMPERATURE, 5.25, T2), good(HUMIDITY, 55.0f, T2))).readings())
                .containsExactly(new ClimateReading("dev-1", T2, 5.25, null, null));
    }

    @Test
    void afterForgetTheSameValueIsEmittedAgain() {
        OpcUaReadingMapper m = scale();
        m.accept(List.of(good(GROSS, 1340.0, T1), good(STABLE, true, T1)));
        m.forget();
        assertThat(m.accept(List.of(good(GROSS, 1340.0, T2))).readings()).hasSize(1);
    }
}
