package io.stocksense.edge.outbox;

import io.stocksense.edge.alarm.ActiveAlarm;
import io.stocksense.edge.alarm.AlarmChange;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.event.TelemetryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bounded outbox: telemetry is thinned first, movements and events are never dropped. */
class SqliteOutboxLimitsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private SqliteOutbox open(long maxRows, long maxBytes) {
        return SqliteOutbox.open(dir.resolve("outbox.db"), "demo", "gw-1", new OutboxLimits(maxRows, maxBytes, 2));
    }

    private static PendingEvent telemetry(String device, String metric, double value) {
        return new PendingEvent(device, (id, seq) -> new TelemetryPoint(id, null, device, seq, null, T0, ClockSync.UNKNOWN,
                "WH1", "COLD", metric, value, "CEL"));
    }

    private static PendingEvent movement(String device) {
        return new PendingEvent(device, (id, seq) -> new StockMovement(id, null, device, seq, null, T0, ClockSync.UNKNOWN,
                MovementType.SHELF_PICK, "WH1", "SHELF-A1", List.of(new MovementLine("BOLT-M8", null, BigDecimal.ONE, "EA",
                null, List.of())), null, List.of()));
    }

    private static List<GatewayEvent> all(SqliteOutbox outbox, Topics.Channel channel) {
        List<GatewayEvent> out = new ArrayList<>();
        outbox.assignBatch(channel, 10_000).ifPresent(b -> b.events().forEach(e ->
                out.add(Json.read(e.payloadJson().getBytes(), GatewayEvent.class))));
        return out;
    }

    @Test
    void aFullOutboxThinsTheOldestTelemetryPerStreamAndKeepsEveryMovement() {
        try (SqliteOutbox outbox = open(100, 1_000_000)) {
            for (int i = 0; i < 50; i++) {
                outbox.append(List.of(telemetry("cold-1", "temperature", i), telemetry("cold-1", "humidity", 100 + i)), Map.of(), T0);
            }
            assertThat(outbox.depth()).isEqualTo(100);

            List<GatewayEvent> moves = outbox.append(List.of(movement("shelf-a1"), movement("shelf-a1")), Map.of(), T0);

            assertThat(moves).hasSize(2);
            assertThat(outbox.thinnedTotal()).isEqualTo(7); // 100 + 2 must fit in 95: 7 go
            assertThat(outbox.depth()).isEqualTo(95);
            assertThat(outbox.isFull()).isFalse();
            List<Double> temperatures = all(outbox, Topics.Channel.TELEMETRY).stream().map(TelemetryPoint.class::cast)
                    .filter(t -> t.metric().equals("temperature")).map(TelemetryPoint::value).toList();
            // The oldest points of each stream lost every second one; the newer ones are all there.
            assertThat(temperatures.subList(0, 6)).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 9.0);
            assertThat(temperatures).hasSize(46).endsWith(49.0);
            assertThat(all(outbox, Topics.Channel.MOVEMENTS)).extracting(GatewayEvent::eventId)
                    .containsExactly(moves.get(0).eventId(), moves.get(1).eventId());
        }
    }

    @Test
    void theByteLimitThinsTooAndDepthAndBytesAreTracked() {
        try (SqliteOutbox outbox = open(1_000_000, 20_000)) {
            long bytes = 0;
            while (bytes < 19_000) {
                outbox.append(List.of(telemetry("cold-1", "temperature", 4.5)), Map.of(), T0);
                bytes = outbox.bytes();
            }
            long before = outbox.depth();

            for (int i = 0; i < 10; i++) {
                outbox.append(List.of(movement("shelf-a1")), Map.of(), T0);
            }

            assertThat(outbox.bytes()).isLessThanOrEqualTo(20_000);
            assertThat(outbox.thinnedTotal()).isPositive();
            assertThat(outbox.depth()).isEqualTo(before + 10 - outbox.thinnedTotal());
            assertThat(all(outbox, Topics.Channel.MOVEMENTS)).hasSize(10);
        }
    }

    @Test
    void whenNothingCanBeThinnedMovementsAreRefusedWithOneCriticalAlarmAndAcceptedAfterAnAck() {
        try (SqliteOutbox outbox = open(20, 1_000_000)) {
            for (int i = 0; i < 20; i++) {
                outbox.append(List.of(movement("shelf-a1")), Map.of(), T0);
            }
            Batch inFlight = outbox.assignBatch(Topics.Channel.MOVEMENTS, 5).orElseThrow();

            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> outbox.append(List.of(movement("shelf-a1")), Map.of(), T0))
                        .isInstanceOf(OutboxFullException.class).hasMessageContaining("20 rows");
            }
            assertThat(outbox.isFull()).isTrue();
            assertThat(outbox.lastDeviceSeq("shelf-a1")).as("nothing of the refused appends was stored").isEqualTo(20);
            List<GatewayEvent> alarms = all(outbox, Topics.Channel.EVENTS);
            assertThat(alarms).singleElement().isInstanceOfSatisfying(DeviceEvent.class, e -> {
                assertThat(e.kind()).isEqualTo("outbox-full");
                assertThat(e.severity()).isEqualTo("critical");
                assertThat(e.deviceId()).isEqualTo("gw-1");
                assertThat(e.attributes()).containsEntry("maxRows", "20");
            });

            assertThat(outbox.ack(inFlight.batchSeq())).isEqualTo(5);
            assertThat(outbox.append(List.of(movement("shelf-a1")), Map.of(), T0).get(0).deviceSeq()).isEqualTo(21);
            assertThat(outbox.isFull()).isFalse();
            assertThat(all(outbox, Topics.Channel.EVENTS)).extracting(e -> ((DeviceEvent) e).kind()).containsExactly("outbox-accepting");
        }
    }

    @Test
    void replayAfterUnassignKeepsEachDevicesOrderAndThinningNeverTouchesABatchInFlight() {
        try (SqliteOutbox outbox = open(40, 1_000_000)) {
            for (int i = 0; i < 30; i++) {
                outbox.append(List.of(telemetry(i % 2 == 0 ? "a" : "b", "temperature", i)), Map.of(), T0);
            }
            Batch first = outbox.assignBatch(Topics.Channel.TELEMETRY, 10).orElseThrow();
            for (int i = 0; i < 15; i++) {
                outbox.append(List.of(movement("shelf-a1")), Map.of(), T0);
            }
            outbox.unassign(first.batchSeq());

            Map<String, List<Long>> seqs = new LinkedHashMap<>();
            outbox.assignBatch(Topics.Channel.TELEMETRY, 10_000).orElseThrow().events()
                    .forEach(e -> seqs.computeIfAbsent(e.deviceId(), k -> new ArrayList<>()).add(e.deviceSeq()));

            assertThat(seqs.get("a")).startsWith(1L, 2L, 3L, 4L, 5L).isSorted();
            assertThat(seqs.get("b")).startsWith(1L, 2L, 3L, 4L, 5L).isSorted();
        }
    }

    @Test
    void aFullOutboxStillStoresALocalAlarmChangeWithItsEvent() {
        ActiveAlarm cold = new ActiveAlarm("WH1", "COLD", T0, T0.plusSeconds(900), 9.5, 8.0, "cold-1");
        PendingEvent raised = new PendingEvent("gw-1", (id, seq) -> new DeviceEvent(id, null, "gw-1", seq, null, T0,
                ClockSync.UNKNOWN, "temperature-excursion", "critical", "too warm", Map.of()));
        try (SqliteOutbox outbox = open(20, 1_000_000)) {
            for (int i = 0; i < 20; i++) {
                outbox.append(List.of(movement("shelf-a1")), Map.of(), T0);
            }
            assertThatThrownBy(() -> outbox.append(List.of(movement("shelf-a1")), Map.of(), T0))
                    .isInstanceOf(OutboxFullException.class);

            List<GatewayEvent> stored = outbox.append(List.of(raised), Map.of(), List.of(AlarmChange.raised(cold)), T0);

            assertThat(stored).hasSize(1);
            assertThat(outbox.activeAlarms()).containsExactly(cold);
            assertThat(outbox.isFull()).as("still refusing ordinary events").isTrue();
            assertThat(outbox.depth()).isEqualTo(22); // 20 movements + outbox-full + the alarm's event
            assertThatThrownBy(() -> outbox.append(List.of(movement("shelf-a1")), Map.of(), T0))
                    .isInstanceOf(OutboxFullException.class);
        }
    }
}
