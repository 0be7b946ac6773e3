package io.stocksense.edge.outbox;

import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.EventIds;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.TelemetryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("gw").resolve("outbox.db");
    }

    private static PendingEvent telemetry(String device, double value) {
        return new PendingEvent(device, (id, seq) -> new TelemetryPoint(id, null, device, seq, null, T0, ClockSync.UNKNOWN,
                "WH1", "COLD", "temperature", value, "CEL"));
    }

    private static PendingEvent anomaly(String device) {
        return new PendingEvent(device, (id, seq) -> new DeviceEvent(id, null, device, seq, null, T0, ClockSync.UNKNOWN,
                "shelf-anomaly", "warning", "odd", Map.of()));
    }

    @Test
    void appendAssignsGapFreeSequencesAndDeterministicIds() {
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            List<GatewayEvent> first = outbox.append(List.of(telemetry("s1", 4.0), telemetry("s2", 5.0), telemetry("s1", 4.5)), Map.of(), T0);
            List<GatewayEvent> second = outbox.append(List.of(anomaly("s1")), Map.of(), T0);

            assertThat(first).extracting(GatewayEvent::deviceSeq).containsExactly(1L, 1L, 2L);
            assertThat(second.get(0).deviceSeq()).isEqualTo(3L);
            assertThat(second.get(0).eventId()).isEqualTo(EventIds.of("demo", "gw-1", "s1", 3));
            assertThat(outbox.depth()).isEqualTo(4);
            assertThat(outbox.lastDeviceSeq("s1")).isEqualTo(3);
            assertThat(outbox.oldestAge(T0.plusSeconds(90))).contains(Duration.ofSeconds(90));
        }
        assertThat(Files.exists(file())).isTrue();
    }

    @Test
    void batchesTakeTheOldestPerChannelAndAckDeletesOnlyThatBatch() {
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            outbox.append(List.of(telemetry("s1", 1), telemetry("s1", 2), anomaly("s1"), telemetry("s1", 3)), Map.of(), T0);

            Batch b1 = outbox.assignBatch(Topics.Channel.TELEMETRY, 2).orElseThrow();
            Batch b2 = outbox.assignBatch(Topics.Channel.EVENTS, 500).orElseThrow();
            Batch b3 = outbox.assignBatch(Topics.Channel.TELEMETRY, 500).orElseThrow();

            assertThat(b1.batchSeq()).isEqualTo(1);
            assertThat(b1.events()).extracting(StoredEvent::deviceSeq).containsExactly(1L, 2L);
            assertThat(b2.batchSeq()).isEqualTo(2);
            assertThat(b2.events()).extracting(StoredEvent::deviceSeq).containsExactly(3L);
            assertThat(b3.events()).extracting(StoredEvent::deviceSeq).containsExactly(4L);
            assertThat(outbox.assignBatch(Topics.Channel.TELEMETRY, 500)).isEmpty();
            assertThat(outbox.assignBatch(Topics.Channel.MOVEMENTS, 500)).isEmpty();
            assertThat(Json.read(b1.events().get(0).payloadJson().getBytes(), GatewayEvent.class))
                    .isInstanceOfSatisfying(TelemetryPoint.class, p -> assertThat(p.value()).isEqualTo(1.0));

            assertThat(outbox.ack(b1.batchSeq())).isEqualTo(2);
            assertThat(outbox.ack(b1.batchSeq())).isZero();
            assertThat(outbox.depth()).isEqualTo(2);

            assertThat(outbox.unassign(b3.batchSeq())).isEqualTo(1);
            Batch resent = outbox.assignBatch(Topics.Channel.TELEMETRY, 500).orElseThrow();
            assertThat(resent.batchSeq()).isEqualTo(4);
            assertThat(resent.events()).extracting(StoredEvent::eventId).isEqualTo(b3.events().stream().map(StoredEvent::eventId).toList());
        }
    }

    @Test
    void reopeningKeepsRowsSequencesBaselinesAndTheBatchCounter() {
        List<GatewayEvent> before;
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            before = outbox.append(List.of(telemetry("s1", 1), telemetry("s1", 2)), Map.of("shelf-a1", new BigDecimal("1005.0")), T0);
            outbox.assignBatch(Topics.Channel.TELEMETRY, 500).orElseThrow();
            outbox.deadLetter(new DeadLetter("s1", "zigbee2mqtt", "not valid JSON", "{\"temp", "7b2274656d70", T0));
        }
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            assertThat(outbox.depth()).isEqualTo(2);
            assertThat(outbox.lastDeviceSeq("s1")).isEqualTo(2);
            assertThat(outbox.lastBatchSeq()).isEqualTo(1);
            assertThat(outbox.shelfCountedGrams()).isEqualTo(Map.of("shelf-a1", new BigDecimal("1005.0")));
            assertThat(outbox.deadLetterTotal()).isEqualTo(1);
            assertThat(outbox.recentDeadLetters(10)).containsExactly(
                    new DeadLetter("s1", "zigbee2mqtt", "not valid JSON", "{\"temp", "7b2274656d70", T0));

            assertThat(outbox.unassignAll()).isEqualTo(2);
            Batch again = outbox.assignBatch(Topics.Channel.TELEMETRY, 500).orElseThrow();
            assertThat(again.batchSeq()).isEqualTo(2);
            assertThat(again.events()).extracting(StoredEvent::eventId)
                    .containsExactly(before.get(0).eventId(), before.get(1).eventId());
            assertThat(outbox.append(List.of(telemetry("s1", 3)), Map.of(), T0).get(0).deviceSeq()).isEqualTo(3);
        }
    }

    @Test
    void activeLocalAlarmsSurviveAReopenAndAClearRemovesThem() {
        io.stocksense.edge.alarm.ActiveAlarm cold = new io.stocksense.edge.alarm.ActiveAlarm("WH1", "COLD", T0,
                T0.plusSeconds(900), 9.5, 8.0, "cold-sensor-1");
        io.stocksense.edge.alarm.ActiveAlarm frozen = new io.stocksense.edge.alarm.ActiveAlarm("WH1", "FROZEN", T0,
                T0.plusSeconds(900), -12.0, -18.0, "freezer-1");
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            outbox.append(List.of(anomaly("gw-1")), Map.of(), List.of(io.stocksense.edge.alarm.AlarmChange.raised(cold),
                    io.stocksense.edge.alarm.AlarmChange.raised(frozen)), T0);
        }
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            assertThat(outbox.activeAlarms()).containsExactly(cold, frozen);
            outbox.append(List.of(anomaly("gw-1")), Map.of(), List.of(io.stocksense.edge.alarm.AlarmChange.cleared("WH1/COLD")), T0);
            assertThat(outbox.activeAlarms()).containsExactly(frozen);
        }
    }

    @Test
    void theFileIsInWalModeWithFullSync() throws Exception {
        SqliteOutbox.open(file(), "demo", "gw-1").close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aFailingEventRollsBackTheWholeAppend() {
        try (SqliteOutbox outbox = SqliteOutbox.open(file(), "demo", "gw-1")) {
            PendingEvent broken = new PendingEvent("s1", (id, seq) -> {
                throw new IllegalStateException("engine bug");
            });

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.append(List.of(telemetry("s1", 1), broken), Map.of(), T0))
                    .isInstanceOf(OutboxException.class).hasMessageContaining("engine bug");
            assertThat(outbox.depth()).isZero();
            assertThat(outbox.lastDeviceSeq("s1")).isZero();
        }
    }
}
