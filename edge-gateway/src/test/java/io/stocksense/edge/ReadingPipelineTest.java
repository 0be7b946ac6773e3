package io.stocksense.edge;

import io.stocksense.config.Site;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.engine.Engines;
import io.stocksense.edge.health.GatewayMetrics;
import io.stocksense.edge.outbox.OutboxFullException;
import io.stocksense.edge.outbox.OutboxLimits;
import io.stocksense.edge.outbox.SqliteOutbox;
import io.stocksense.protocol.reading.WeightReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadingPipelineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFullOutboxRefusesThePayloadAndTheShelfCountsItAgainOnRedelivery() {
        Site site = TestSites.small();
        GatewayMetrics metrics = new GatewayMetrics();
        byte[] raw = "{}".getBytes();
        Engines engines = new Engines(site, site.devicesOf("gw-1"), Map.of());
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), "demo", "gw-1", new OutboxLimits(10, 1_000_000, 2));
             ReadingPipeline pipeline = new ReadingPipeline(engines, outbox, metrics,
                     Clock.fixed(T0, ZoneOffset.UTC), () -> { })) {
            // Ten whole-item changes fill the outbox with movements, which are never thinned.
            pipeline.accept(TestSites.shelf(), "shelf-json", raw, weight("1005.0"), T0);
            for (int i = 0; i < 10; i++) {
                pipeline.accept(TestSites.shelf(), "shelf-json", raw, weight(i % 2 == 0 ? "971.5" : "1005.0"), T0);
            }
            assertThat(outbox.depth()).isEqualTo(10);

            assertThatThrownBy(() -> pipeline.accept(TestSites.shelf(), "shelf-json", raw, weight("971.5"), T0))
                    .isInstanceOf(OutboxFullException.class);
            assertThat(metrics.refusedFull()).isEqualTo(1);
            assertThat(outbox.isFull()).isTrue();

            // The cloud acks, then the broker redelivers the same payload: the pick is counted, once.
            outbox.ack(outbox.assignBatch(io.stocksense.protocol.Topics.Channel.MOVEMENTS, 4).orElseThrow().batchSeq());
            pipeline.accept(TestSites.shelf(), "shelf-json", raw, weight("971.5"), T0);
            assertThat(outbox.lastDeviceSeq("shelf-a1")).isEqualTo(11);
            assertThat(engines.shelfCounted("shelf-a1")).isEqualByComparingTo("971.5");
        }
    }

    @Test
    void inputWithNothingToReadIsCountedWithItsReasonAndWritesNothing() {
        Site site = TestSites.small();
        GatewayMetrics metrics = new GatewayMetrics();
        Engines engines = new Engines(site, site.devicesOf("gw-1"), Map.of());
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), "demo", "gw-1", new OutboxLimits(10, 1_000_000, 2));
             ReadingPipeline pipeline = new ReadingPipeline(engines, outbox, metrics,
                     Clock.fixed(T0, ZoneOffset.UTC), () -> { })) {
            DecodeResult status = new DecodeResult(List.of(), List.of(), List.of("eventType 'inventoryStatus' carries no tag reads"));
            pipeline.accept(TestSites.shelf(), "shelf-json", "{}".getBytes(), status, T0);
            pipeline.accept(TestSites.shelf(), "shelf-json", "{}".getBytes(), status, T0);
            assertThat(metrics.ignoredByDevice()).containsEntry("shelf-a1", 2L);
            assertThat(metrics.decodeErrorsByDevice()).doesNotContainKey("shelf-a1");
            assertThat(outbox.depth()).isZero();
        }
    }

    private static DecodeResult weight(String grams) {
        return new DecodeResult(List.of(new WeightReading("shelf-a1", null, new BigDecimal(grams), true)), List.of());
    }
}
