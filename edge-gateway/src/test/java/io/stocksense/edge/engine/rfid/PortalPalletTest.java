package io.stocksense.edge.engine.rfid;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.PortalSettings;
import io.stocksense.config.Transport;
import io.stocksense.edge.TestSites;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.reading.TagRead;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole pallets through portals, on a simulated clock (every instant is passed in). */
class PortalPalletTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String PALLET = "3134257BF4499602D2000000";
    private static final int OUTER = 1;
    private static final int INNER = 2;

    private static String insulin(long serial) {
        return EpcCodec.encodeSgtin96(TestSites.INSULIN_GTIN, 7, 1, serial);
    }

    private static Device dock2() {
        return new Device("portal-dock2", "gw-1", DeviceFamily.RFID_PORTAL, Transport.MQTT, "zebra/fx9600-dock2/events",
                "zebra-iotc", "WH1", "DOCK-2", null, new PortalSettings(1, 2, Duration.ofSeconds(2), -75.0), null,
                Map.of("portal.duplicateWindow", "1s", "portal.tagAbsence", "10s"));
    }

    /** One scheduled read: tag, antenna, and its place in the stream before times are assigned. */
    private record Planned(long slot, String epc, int antenna) {
    }

    /**
     * A pallet moving through the door: each tag is read 3 times on {@code first}, then 3 times on the
     * other antenna, tags staggered so outer and inner reads of different tags interleave. The merged
     * stream is then stamped 1 ms apart: 1,000 reads/s.
     */
    private static List<TagRead> palletStream(String device, List<String> epcs, int first, double rssi) {
        int second = first == OUTER ? INNER : OUTER;
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < epcs.size(); i++) {
            for (int k = 0; k < 3; k++) {
                plan.add(new Planned(i * 4L + k * 7L, epcs.get(i), first));
                plan.add(new Planned(i * 4L + 600 + k * 7L, epcs.get(i), second));
            }
        }
        plan.sort(Comparator.comparingLong(Planned::slot));
        List<TagRead> reads = new ArrayList<>(plan.size());
        plan.forEach(p -> reads.add(new TagRead(device, null, p.epc(), p.antenna(), rssi, 1)));
        return reads;
    }

    private static List<GatewayEvent> feed(PortalDirectionEngine engine, List<TagRead> reads, Instant start) {
        List<PendingEvent> out = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            out.addAll(engine.onTagRead(reads.get(i), start.plusMillis(i)));
        }
        return materialize(out);
    }

    @Test
    void fiveHundredTagPalletAtAThousandReadsPerSecondIsExactlyOneReceiptOfFiveHundred() {
        PortalDirectionEngine engine = new PortalDirectionEngine(TestSites.portal(), TestSites.small());
        List<String> items = new ArrayList<>();
        for (long serial = 1; serial <= 500; serial++) {
            items.add(insulin(serial));
        }
        List<String> tags = new ArrayList<>(items);
        tags.add(250, PALLET);
        List<TagRead> reads = palletStream("portal-dock1", tags, OUTER, -55);
        assertThat(reads).hasSize(501 * 6);

        assertThat(feed(engine, reads, T0)).as("nothing closes while the pallet is read").isEmpty();
        Instant last = T0.plusMillis(reads.size() - 1);
        assertThat(engine.tick(last.plusMillis(1_999))).isEmpty();
        List<GatewayEvent> events = materialize(engine.tick(last.plusSeconds(2)));

        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.RECEIPT);
            assertThat(m.lines()).singleElement().satisfies(l -> {
                assertThat(l.sku()).isEqualTo("INS-PEN-10");
                assertThat(l.quantity()).isEqualByComparingTo("500");
                assertThat(l.epcs()).containsExactlyInAnyOrderElementsOf(items);
            });
            assertThat(m.parentEpc()).isEqualTo(PALLET);
            assertThat(m.unresolvedEpcs()).isEmpty();
            assertThat(m.gatewayTime()).isEqualTo(T0);
        });
        // 501 tags × 6 reads: the first read on each antenna counts, the 2 repeats 7 ms later are duplicates.
        assertThat(engine.duplicateReads()).isEqualTo(501 * 4);
        assertThat(engine.tick(last.plusSeconds(60))).isEmpty();
    }

    @Test
    void innerFirstIsOneDispatch() {
        PortalDirectionEngine engine = new PortalDirectionEngine(TestSites.portal(), TestSites.small());
        List<String> tags = List.of(insulin(1), insulin(2), insulin(3));

        feed(engine, palletStream("portal-dock1", tags, INNER, -55), T0);

        assertThat(materialize(engine.tick(T0.plusSeconds(30)))).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.DISPATCH);
            assertThat(m.lines().get(0).quantity()).isEqualByComparingTo("3");
        });
    }

    @Test
    void aTagTheNeighbourReadsWeakerMovesOnlyAtTheStrongPortal() {
        PortalArbiter arbiter = new PortalArbiter();
        PortalDirectionEngine dock1 = new PortalDirectionEngine(TestSites.portal(), TestSites.small(), arbiter);
        PortalDirectionEngine dock2 = new PortalDirectionEngine(dock2(), TestSites.small(), arbiter);
        // Both doors see the pallet at the same time; dock 2 only by reflection, weaker but above minRssi.
        List<TagRead> strong = palletStream("portal-dock1", List.of(insulin(1), insulin(2)), OUTER, -52);
        List<TagRead> weak = palletStream("portal-dock2", List.of(insulin(1), insulin(2)), OUTER, -68);
        List<PendingEvent> at1 = new ArrayList<>();
        List<PendingEvent> at2 = new ArrayList<>();
        for (int i = 0; i < strong.size(); i++) {
            at2.addAll(dock2.onTagRead(weak.get(i), T0.plusMillis(2L * i)));
            at1.addAll(dock1.onTagRead(strong.get(i), T0.plusMillis(2L * i + 1)));
        }
        // The weak door goes quiet first and is closed first: the stronger open claim already decides.
        at2.addAll(dock2.tick(T0.plusSeconds(20)));
        at1.addAll(dock1.tick(T0.plusSeconds(20)));

        assertThat(at2).as("no movement at the neighbouring door").isEmpty();
        assertThat(dock2.crossReads()).isEqualTo(2);
        assertThat(materialize(at1)).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.location()).isEqualTo("DOCK-1");
            assertThat(m.movementType()).isEqualTo(MovementType.RECEIPT);
            assertThat(m.lines()).containsExactly(new MovementLine("INS-PEN-10", TestSites.INSULIN_GTIN,
                    BigDecimal.valueOf(2), "CS", null, List.of(insulin(1), insulin(2))));
        });
        assertThat(dock1.crossReads()).isZero();
    }

    @Test
    void aNeighbourReadMinutesEarlierIsNotACrossRead() {
        PortalArbiter arbiter = new PortalArbiter();
        PortalDirectionEngine dock1 = new PortalDirectionEngine(TestSites.portal(), TestSites.small(), arbiter);
        PortalDirectionEngine dock2 = new PortalDirectionEngine(dock2(), TestSites.small(), arbiter);
        feed(dock1, palletStream("portal-dock1", List.of(insulin(1)), OUTER, -40), T0);
        assertThat(dock1.tick(T0.plusSeconds(5))).hasSize(1);

        // The same case goes out through door 2 five minutes later, read weaker: a real passage.
        Instant later = T0.plus(Duration.ofMinutes(5));
        feed(dock2, palletStream("portal-dock2", List.of(insulin(1)), INNER, -70), later);

        assertThat(materialize(dock2.tick(later.plusSeconds(5)))).singleElement().isInstanceOfSatisfying(StockMovement.class,
                m -> assertThat(m.movementType()).isEqualTo(MovementType.DISPATCH));
    }

    @Test
    void duplicateReadsWithinTheWindowAreSuppressedButKeepThePassOpen() {
        PortalDirectionEngine engine = new PortalDirectionEngine(TestSites.portal(), TestSites.small());
        // 100 reads of one tag on the outer antenna, 50 ms apart: 5 s of reads, one accepted per second.
        for (int i = 0; i < 100; i++) {
            assertThat(engine.onTagRead(new TagRead("portal-dock1", null, insulin(1), OUTER, -60.0, 1),
                    T0.plusMillis(50L * i))).isEmpty();
        }
        assertThat(engine.duplicateReads()).isEqualTo(95);
        assertThat(engine.tick(T0.plusMillis(4_950 + 1_999))).as("duplicates keep the pass open").isEmpty();

        assertThat(materialize(engine.tick(T0.plusMillis(4_950 + 2_000)))).singleElement()
                .isInstanceOfSatisfying(StockMovement.class, m -> assertThat(m.lines().get(0).quantity()).isEqualByComparingTo("1"));
    }

    @Test
    void aTagCountsAsGoneOnlyAfterTheAbsenceTime() {
        PortalDirectionEngine engine = new PortalDirectionEngine(TestSites.portal(), TestSites.small());
        TagRead outer = new TagRead("portal-dock1", null, insulin(1), OUTER, -60.0, 1);
        TagRead inner = new TagRead("portal-dock1", null, insulin(1), INNER, -60.0, 1);
        engine.onTagRead(outer, T0);
        engine.onTagRead(inner, T0.plusMillis(300));
        assertThat(materialize(engine.tick(T0.plusSeconds(3)))).hasSize(1);

        // The case is parked by the door and flickers in and out of the field for a minute: no new passage,
        // and these reads do not hold a pass open.
        List<PendingEvent> flicker = new ArrayList<>();
        for (int s = 8; s <= 68; s += 9) {
            flicker.addAll(engine.onTagRead(inner, T0.plusSeconds(s)));
            flicker.addAll(engine.tick(T0.plusSeconds(s + 3)));
        }
        assertThat(flicker).isEmpty();
        assertThat(engine.passOpen()).isFalse();
        assertThat(engine.tagsInView()).isEqualTo(1);

        // Unread for 12 s (> 10 s absence) it is gone; read inner then outer it is leaving again.
        engine.onTagRead(inner, T0.plusSeconds(80));
        engine.onTagRead(outer, T0.plusSeconds(80).plusMillis(200));
        assertThat(materialize(engine.tick(T0.plusSeconds(83)))).singleElement().isInstanceOfSatisfying(StockMovement.class,
                m -> assertThat(m.movementType()).isEqualTo(MovementType.DISPATCH));
        assertThat(engine.tick(T0.plusSeconds(200))).isEmpty();
        assertThat(engine.tagsInView()).isZero();
    }

    @Test
    void unencodedFactoryEpcsInAPalletAreKeptUnresolved() {
        PortalDirectionEngine engine = new PortalDirectionEngine(TestSites.portal(), TestSites.small());
        List<String> factory = List.of("E2801160600002054E2D1A66", "E2801160600002054E2D1A67", "E28011606000020500000000");
        List<String> tags = new ArrayList<>(List.of(insulin(1), insulin(2)));
        tags.addAll(factory);

        feed(engine, palletStream("portal-dock1", tags, OUTER, -55), T0);

        assertThat(materialize(engine.tick(T0.plusSeconds(30)))).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.lines()).extracting(MovementLine::quantity).containsExactly(BigDecimal.valueOf(2));
            assertThat(m.unresolvedEpcs()).containsExactlyElementsOf(factory);
        });
    }

    @Test
    void badTuningIsAConfigurationErrorNamingTheOption() {
        Device bad = new Device("portal-x", "gw-1", DeviceFamily.RFID_PORTAL, Transport.MQTT, "t", "zebra-iotc", "WH1",
                "DOCK-1", null, new PortalSettings(1, 2, Duration.ofSeconds(2), null), null, Map.of("portal.tagAbsence", "1s"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PortalDirectionEngine(bad, TestSites.small()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portal.tagAbsence");
    }
}
