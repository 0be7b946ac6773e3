package io.stocksense.edge.codec.shelfjson;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.stocksense.edge.codec.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class ShelfJsonCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:01Z");
    private final ShelfJsonCodec codec = new ShelfJsonCodec();

    @Test
    void decodesAStableWeightExactly() {
        DecodeResult r = codec.decode("shelf-a1", bytes("shelf_loadcell_stable.json"), NOW);

        assertThat(r.rejections()).isEmpty();
        assertThat(r.readings()).containsExactly(new WeightReading("shelf-a1", Instant.parse("2026-11-23T10:00:00Z"),
                new BigDecimal("1005.0"), true));
    }

    @Test
    void missingStableMeansUnstableAndMissingTsMeansNoDeviceTime() {
        DecodeResult r = codec.decode("shelf-a1", bytes("shelf_loadcell_minimal.json"), NOW);

        assertThat(r.readings()).containsExactly(new WeightReading("shelf-a1", null, new BigDecimal("412.35"), false));
    }

    @Test
    void rejectsWrongTypes() {
        DecodeResult r = codec.decode("shelf-a1", bytes("shelf_loadcell_wrong-types.json"), NOW);

        assertThat(r.readings()).containsExactly(new WeightReading("shelf-a1", null, new BigDecimal("-0.4"), true));
        assertThat(r.rejections()).extracting(Rejection::reason).satisfiesExactly(
                x -> assertThat(x).isEqualTo("grams must be a number, was \"1005.0\""),
                x -> assertThat(x).isEqualTo("stable must be true or false, was \"yes\""),
                x -> assertThat(x).startsWith("ts must be an ISO-8601 instant"),
                x -> assertThat(x).isEqualTo("grams must be a number, was null"),
                x -> assertThat(x).isEqualTo("shelf reading must be a JSON object"));
    }

    @Test
    void rejectsATruncatedPayload() {
        DecodeResult r = codec.decode("shelf-a1", bytes("shelf_loadcell_truncated.json"), NOW);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).startsWith("not valid JSON");
            assertThat(x.excerpt()).isEqualTo("{\"grams\": 1005.0, \"sta");
        });
    }
}
