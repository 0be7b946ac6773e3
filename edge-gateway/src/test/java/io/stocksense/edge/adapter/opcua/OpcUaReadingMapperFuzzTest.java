package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile data changes for the two OPC UA codecs ({@code opc-ua-40200}, {@code opc-ua-analog}): OPC UA
 * has no byte payload, so what a server can get wrong is the status and the type of each value. Each
 * property runs 10,000 publishes of 1-6 samples (fixed seed). Nothing may escape the mapper, and each
 * sample that is not Good or not of its role's type must be rejected with a reason naming its node:
 * the number of rejections is computed independently here and must match.
 */
class OpcUaReadingMapperFuzzTest {

    private static final Map<String, AtomicLong> REJECTIONS = Map.of("opc-ua-40200", new AtomicLong(), "opc-ua-analog", new AtomicLong());
    private static final Map<String, AtomicLong> PUBLISHES = Map.of("opc-ua-40200", new AtomicLong(), "opc-ua-analog", new AtomicLong());
    private static final Map<String, String> SCALE_NODES = Map.of("nodes.gross", "ns=2;s=G", "nodes.tare", "ns=2;s=T",
            "nodes.stable", "ns=2;s=S");
    private static final Map<String, String> ANALOG_NODES = Map.of("nodes.temperature", "ns=2;s=Temp", "nodes.humidity", "ns=2;s=RH");

    /** One mapper per property: state carries over between publishes, as it does for a real device. */
    private final OpcUaReadingMapper scale = mapper("opc-ua-40200", SCALE_NODES);
    private final OpcUaReadingMapper analog = mapper("opc-ua-analog", ANALOG_NODES);

    @Property(tries = 10_000, seed = "20260119")
    void scaleSamplesAreReadOrRejectedWithTheirNode(@ForAll("scaleSamples") List<NodeSample> samples) {
        check("opc-ua-40200", scale, samples);
    }

    @Property(tries = 10_000, seed = "20260120")
    void analogSamplesAreReadOrRejectedWithTheirNode(@ForAll("analogSamples") List<NodeSample> samples) {
        check("opc-ua-analog", analog, samples);
    }

    private static void check(String codec, OpcUaReadingMapper mapper, List<NodeSample> samples) {
        DecodeResult r = mapper.accept(samples);
        long unusable = samples.stream().filter(s -> !usable(s)).count();
        assertThat(r.rejections()).hasSize((int) unusable);
        for (Rejection rej : r.rejections()) {
            assertThat(rej.reason()).startsWith("nodes.").contains("ns=2;s=");
        }
        assertThat(r.readings()).hasSizeLessThanOrEqualTo(1);
        PUBLISHES.get(codec).incrementAndGet();
        REJECTIONS.get(codec).addAndGet(r.rejections().size());
    }

    /** The oracle: Good, and a Boolean for the stable flag, a finite number for anything else. */
    private static boolean usable(NodeSample s) {
        if (!s.good()) {
            return false;
        }
        if (s.role() == OpcUaDeviceSettings.Role.STABLE) {
            return s.value() instanceof Boolean;
        }
        return s.value() instanceof Number n && Double.isFinite(n.doubleValue());
    }

    @Provide
    Arbitrary<List<NodeSample>> scaleSamples() {
        return samples(Arbitraries.of(OpcUaDeviceSettings.Role.GROSS, OpcUaDeviceSettings.Role.TARE, OpcUaDeviceSettings.Role.STABLE));
    }

    @Provide
    Arbitrary<List<NodeSample>> analogSamples() {
        return samples(Arbitraries.of(OpcUaDeviceSettings.Role.TEMPERATURE, OpcUaDeviceSettings.Role.HUMIDITY));
    }

    private static Arbitrary<List<NodeSample>> samples(Arbitrary<OpcUaDeviceSettings.Role> roles) {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.NEGATIVE_INFINITY).withSpecialValue(-0.0).map(d -> (Object) d),
                Arbitraries.floats().withSpecialValue(Float.NaN).map(f -> (Object) f),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigDecimals().map(b -> (Object) b),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<NodeSample> sample = Combinators.combine(roles, values, Arbitraries.integers().between(0, 9),
                Arbitraries.longs().between(-1, 4_102_444_800_000L)).as((role, value, status, millis) ->
                new NodeSample(role, nodeOf(role), value, status < 7,
                        status < 7 ? "Good (0x00000000)" : "Bad_NodeIdUnknown (0x80340000)", millis < 0 ? null : Instant.ofEpochMilli(millis)));
        return sample.list().ofMinSize(1).ofMaxSize(6);
    }

    private static String nodeOf(OpcUaDeviceSettings.Role role) {
        return (SCALE_NODES.containsKey(role.option()) ? SCALE_NODES : ANALOG_NODES).get(role.option());
    }

    @AfterContainer
    static void report() {
        PUBLISHES.forEach((codec, n) -> {
            System.out.printf("%-14s %6d publishes, %6d rejected samples%n", codec, n.get(), REJECTIONS.get(codec).get());
            assertThat(n.get()).as("publishes fuzzed for %s", codec).isGreaterThanOrEqualTo(10_000);
        });
    }

    private static OpcUaReadingMapper mapper(String codec, Map<String, String> options) {
        Device d = new Device("dev-1", "gw-1", codec.equals("opc-ua-40200") ? DeviceFamily.SCALE : DeviceFamily.CLIMATE_SENSOR,
                Transport.OPCUA, "opc.tcp://127.0.0.1:4840/x", codec, "WH1", null, null, null, null, options);
        return new OpcUaReadingMapper("dev-1", OpcUaDeviceSettings.of(d));
    }
}
