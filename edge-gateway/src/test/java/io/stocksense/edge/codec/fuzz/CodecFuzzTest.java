package io.stocksense.edge.codec.fuzz;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.edge.ReadingPipeline;
import io.stocksense.edge.TestSites;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.Fixtures;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.engine.Engines;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.edge.outbox.DeadLetter;
import io.stocksense.edge.outbox.SqliteOutbox;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every codec registered through {@link java.util.ServiceLoader}: each property runs
 * 10,000 tries with a fixed seed (so CI runs are reproducible) and hands each try's input to EVERY
 * codec, so every codec sees at least 10,000 random payloads and 10,000 mutations of its own recorded
 * vendor payloads. Nothing may escape {@link DeviceCodec#decode}; every input must come out decoded, rejected, or
 * (a well-formed status message) ignored with a reason; every rejection must have a reason. Rejections are counted through {@link GatewayMetrics},
 * and a sample of rejected payloads goes through the real {@link ReadingPipeline} into a real SQLite
 * outbox, where each must become a dead letter with its reason.
 */
class CodecFuzzTest {

    /** Each codec's recorded payloads: the fixtures whose names start with this prefix. */
    private static final Map<String, String> FIXTURE_PREFIX = Map.ofEntries(
            Map.entry("zebra-iotc", "zebra_"), Map.entry("impinj-iotdi", "impinj_"), Map.entry("shelf-json", "shelf_"),
            Map.entry("zigbee2mqtt", "zigbee2mqtt_"), Map.entry("mt-sics", "mettler_"), Map.entry("toledo-continuous", "toledo_"),
            Map.entry("indicator-continuous", "indicator_"), Map.entry("barcode", "barcode_"), Map.entry("tasmota", "tasmota_"),
            Map.entry("shelly", "shelly_"), Map.entry("generic-json", "generic-json_"));
    private static final List<String> SHELLY_TOPICS = List.of("shellies/ht-1/sensor/temperature", "shellies/ht-1/sensor/humidity",
            "shellyplusht-1/events/rpc", "shellies/ht-1/sensor/battery");
    private static final Map<String, String> GENERIC_JSON_OPTIONS = Map.of("json.temperature", "$.data.temp",
            "json.humidity", "$.data.rh", "json.weight", "$.w", "json.time", "$.ts", "json.scale", "0.1");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:05Z");

    private static final CodecRegistry REGISTRY = CodecRegistry.load();
    private static final Map<String, List<byte[]>> SEEDS = seeds();
    private static final GatewayMetrics METRICS = new GatewayMetrics();
    private static final Map<String, FuzzTally> TALLIES = new TreeMap<>();

    static {
        REGISTRY.names().forEach(n -> TALLIES.put(n, new FuzzTally(n)));
    }

    /** One try of the mutation property: which recording (and topic) to start from, and what to do to it. */
    record Plan(int seed, int topic, List<PayloadMutator.Mutation> mutations) {
    }

    @Property(tries = 10_000, seed = "20260117")
    void randomPayloadsAreDecodedOrRejectedByEveryCodec(@ForAll("randomPayloads") byte[] payload) {
        for (String codec : REGISTRY.names()) {
            decodeAndCheck(codec, SHELLY_TOPICS.get(Math.floorMod(payload.length, SHELLY_TOPICS.size())), payload);
        }
    }

    @Property(tries = 10_000, seed = "20260118")
    void mutatedVendorPayloadsAreDecodedOrRejectedByEveryCodec(@ForAll("plans") Plan plan) {
        for (String codec : REGISTRY.names()) {
            List<byte[]> seeds = SEEDS.get(codec);
            byte[] payload = PayloadMutator.apply(seeds.get(Math.floorMod(plan.seed(), seeds.size())), plan.mutations());
            decodeAndCheck(codec, SHELLY_TOPICS.get(Math.floorMod(plan.topic(), SHELLY_TOPICS.size())), payload);
        }
    }

    private static void decodeAndCheck(String codecName, String topic, byte[] payload) {
        DeviceCodec codec = REGISTRY.find(codecName).orElseThrow();
        byte[] copy = payload.clone();
        DecodeResult r = codec.decode(device(codecName), codecName.equals("shelly") ? topic : "dev/fuzz", payload, NOW);

        assertThat(payload).as("%s must not modify the payload", codecName).isEqualTo(copy);
        assertThat(r.accountsForInput())
                .as("%s neither decoded, rejected nor ignored with a reason: %s", codecName,
                        Rejection.excerpt(new String(payload, StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(r.ignored()).as("%s reasons to ignore", codecName).allSatisfy(why -> assertThat(why).isNotBlank());
        for (Rejection rej : r.rejections()) {
            assertThat(rej.reason()).as("%s rejection reason", codecName).isNotBlank();
            assertThat(rej.excerpt()).as("%s rejection excerpt", codecName).isNotNull();
        }
        TALLIES.get(codecName).record(payload, r, METRICS);
    }

    @Provide
    Arbitrary<byte[]> randomPayloads() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 \r\n\u0002\u0003tnulfasr")
                .ofMaxLength(200);
        Arbitrary<String> frames = Arbitraries.strings().withChars("SDIU+-.0123456789 gkl \u0002\u0003\r\n()01>]C").ofMaxLength(80);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, bytes),
                net.jqwik.api.Tuple.of(2, anyText.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(3, jsonish.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(2, frames.map(s -> s.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<PayloadMutator.Mutation> mutation = Combinators.combine(
                Arbitraries.of(PayloadMutator.Op.class),
                Arbitraries.doubles().between(0, 1).ofScale(4),
                Arbitraries.doubles().between(0, 1).ofScale(4),
                Arbitraries.strings().all().ofMaxLength(24)).as(PayloadMutator.Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 100),
                mutation.list().ofMinSize(1).ofMaxSize(6)).as(Plan::new);
    }

    @AfterContainer
    static void everyCodecWasFuzzedAndEveryRejectionCounted() throws IOException {
        Path dir = Files.createTempDirectory("codec-fuzz");
        StringBuilder report = new StringBuilder("codec fuzzing (random payloads + mutated vendor payloads):\n");
        Map<String, Long> counted = METRICS.decodeErrorsByDevice();
        for (FuzzTally t : TALLIES.values()) {
            report.append(t.summary());
            assertThat(t.inputs).as("inputs given to %s", t.codec).isGreaterThanOrEqualTo(20_000);
            assertThat(t.decoded + t.rejected + t.ignored).as("%s: decoded, rejected or ignored", t.codec).isGreaterThanOrEqualTo(t.inputs);
            assertThat(counted.getOrDefault(t.codec, 0L)).as("rejections of %s counted", t.codec).isEqualTo(t.rejections);
        }
        System.out.print(report);
        replayRejectedSamplesIntoDeadLetters(dir);
    }

    /** The rejected samples through the real pipeline: every rejection becomes a dead letter with its reason. */
    private static void replayRejectedSamplesIntoDeadLetters(Path dir) {
        GatewayMetrics metrics = new GatewayMetrics();
        long expected = 0;
        Device shelf = TestSites.shelf();
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), "demo", "gw-1");
             ReadingPipeline pipeline = new ReadingPipeline(new Engines(TestSites.small(), List.of(), Map.of()), outbox, metrics,
                     Clock.fixed(NOW, ZoneOffset.UTC), () -> { })) {
            for (FuzzTally t : TALLIES.values()) {
                DeviceCodec codec = REGISTRY.find(t.codec).orElseThrow();
                for (byte[] payload : t.rejectedSample) {
                    DecodeResult r = codec.decode(device(t.codec), t.codec.equals("shelly") ? SHELLY_TOPICS.get(0) : "dev/fuzz", payload, NOW);
                    pipeline.accept(shelf, t.codec, payload, r, NOW);
                    expected += r.rejections().size();
                }
            }
            assertThat(expected).isPositive();
            assertThat(outbox.deadLetterTotal()).isEqualTo(expected);
            assertThat(metrics.decodeErrorsByDevice().get(shelf.id())).isEqualTo(expected);
            List<DeadLetter> kept = outbox.recentDeadLetters((int) expected);
            assertThat(kept).hasSize((int) expected).allSatisfy(d -> {
                assertThat(d.reason()).isNotBlank();
                assertThat(d.codec()).isIn(REGISTRY.names());
            });
            System.out.println("dead letters stored for " + expected + " rejections of the rejected samples");
        }
    }

    private static Device device(String codec) {
        return new Device("fuzz-" + codec, "gw-1", DeviceFamily.CLIMATE_SENSOR, Transport.MQTT, "dev/fuzz", codec,
                "WH1", null, "COLD", null, null, codec.equals("generic-json") ? GENERIC_JSON_OPTIONS : Map.of());
    }

    private static Map<String, List<byte[]>> seeds() {
        Map<String, List<byte[]>> seeds = new TreeMap<>();
        assertThat(FIXTURE_PREFIX.keySet()).as("every registered codec needs recorded payloads to mutate")
                .containsExactlyInAnyOrderElementsOf(REGISTRY.names());
        try (Stream<Path> files = Files.list(Path.of(Fixtures.class.getResource("/logback-test.xml").toURI()).getParent())) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            FIXTURE_PREFIX.forEach((codec, prefix) -> seeds.put(codec,
                    names.stream().filter(n -> n.startsWith(prefix)).map(Fixtures::bytes).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        seeds.forEach((codec, list) -> assertThat(list).as("recordings of %s", codec).isNotEmpty());
        return seeds;
    }
}
