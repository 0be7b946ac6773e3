package io.stocksense.edge.engine.rfid;

import io.stocksense.edge.TestSites;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.Gtin;
import io.stocksense.protocol.event.DeviceEvent;
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
import java.util.List;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;

class PortalDirectionEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String PALLET = "3134257BF4499602D2000000";
    private static final String FACTORY = "E2801160600002054E2D1A66";

    private final PortalDirectionEngine engine = new PortalDirectionEngine(TestSites.portal(), TestSites.small());

    private static String insulin(long serial) {
        return EpcCodec.encodeSgtin96(TestSites.INSULIN_GTIN, 7, 1, serial);
    }

    private static TagRead read(String epc, int antenna, double rssi) {
        return new TagRead("portal-dock1", null, epc, antenna, rssi, 1);
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** Feeds reads 10 ms apart from T0, then lets the portal go quiet; returns the closed pass. */
    private List<GatewayEvent> pass(List<TagRead> reads) {
        List<PendingEvent> out = new ArrayList<>();
        long t = 0;
        for (TagRead r : reads) {
            out.addAll(engine.onTagRead(r, at(t)));
            t += 10;
        }
        assertThat(engine.tick(at(t - 10 + 1_999))).as("still within the quiet period").isEmpty();
        out.addAll(engine.tick(at(t - 10 + 2_000)));
        return materialize(out);
    }

    @Test
    void fortyTagsOuterThenInnerAreOneReceiptOfForty() {
        List<TagRead> reads = new ArrayList<>();
        List<String> epcs = new ArrayList<>();
        for (long serial = 1; serial <= 40; serial++) {
            epcs.add(insulin(serial));
            reads.add(read(insulin(serial), 1, -60));
        }
        epcs.forEach(epc -> reads.add(read(epc, 2, -58)));

        List<GatewayEvent> events = pass(reads);

        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.RECEIPT);
            assertThat(m.warehouse()).isEqualTo("WH1");
            assertThat(m.location()).isEqualTo("DOCK-1");
            assertThat(m.gatewayTime()).isEqualTo(T0);
            assertThat(m.lines()).containsExactly(new MovementLine("INS-PEN-10", TestSites.INSULIN_GTIN,
                    BigDecimal.valueOf(40), "CS", null, epcs));
            assertThat(m.unresolvedEpcs()).isEmpty();
            assertThat(m.parentEpc()).isNull();
        });
    }

    @Test
    void innerThenOuterIsADispatchWithLinesPerSkuAndThePallet() {
        String vaccine = EpcCodec.encodeSgtin96(TestSites.VACCINE_GTIN, 7, 1, 7);
        List<GatewayEvent> events = pass(List.of(read(insulin(1), 2, -50), read(vaccine, 2, -50), read(PALLET, 2, -50),
                read(insulin(2), 2, -50), read(insulin(1), 1, -50), read(vaccine, 1, -50), read(insulin(2), 1, -50)));

        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.DISPATCH);
            assertThat(m.lines()).containsExactly(
                    new MovementLine("INS-PEN-10", TestSites.INSULIN_GTIN, BigDecimal.valueOf(2), "CS", null,
                            List.of(insulin(1), insulin(2))),
                    new MovementLine("VAC-FLU-5", TestSites.VACCINE_GTIN, BigDecimal.ONE, "CS", null, List.of(vaccine)));
            assertThat(m.parentEpc()).isEqualTo(PALLET);
        });
    }

    @Test
    void duplicateReadsCountOnce() {
        List<TagRead> reads = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            reads.add(read(insulin(1 + i % 3), 1, -60));
        }
        List<GatewayEvent> events = pass(reads);

        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m ->
                assertThat(m.lines()).singleElement().satisfies(l -> {
                    assertThat(l.quantity()).isEqualByComparingTo("3");
                    assertThat(l.epcs()).containsExactly(insulin(1), insulin(2), insulin(3));
                }));
    }

    @Test
    void weakReadsAndUnknownAntennasAreIgnored() {
        // The weak inner read (a cross-read) must not make insulin(1) look outbound.
        List<GatewayEvent> events = pass(List.of(read(insulin(1), 2, -80), read(insulin(2), 2, -75.5),
                read(insulin(3), 3, -40), read(insulin(1), 1, -60)));

        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.movementType()).isEqualTo(MovementType.RECEIPT);
            assertThat(m.lines()).singleElement().extracting(MovementLine::epcs).asList().containsExactly(insulin(1));
        });
    }

    @Test
    void onlyWeakReadsMakeNoPassAtAll() {
        assertThat(pass(List.of(read(insulin(1), 1, -90)))).isEmpty();
        assertThat(engine.passOpen()).isFalse();
    }

    @Test
    void factoryEpcsAndUnknownGtinsAreUnresolvedNotGuessed() {
        String gtin = "0401234599999" + Gtin.checkDigit("0401234599999");
        String unknownGtin = EpcCodec.encodeSgtin96(gtin, 7, 1, 1);
        List<GatewayEvent> events = pass(List.of(read(insulin(1), 1, -60), read(FACTORY, 1, -60), read(unknownGtin, 1, -60)));

        assertThat(events).singleElement().isInstanceOfSatisfying(StockMovement.class, m -> {
            assertThat(m.lines()).extracting(MovementLine::sku).containsExactly("INS-PEN-10");
            assertThat(m.unresolvedEpcs()).containsExactly(FACTORY, unknownGtin);
        });
    }

    @Test
    void aPassOfOnlyUnresolvedTagsIsADeviceEvent() {
        List<GatewayEvent> events = pass(List.of(read(FACTORY, 1, -60), read("ABCD", 1, -60)));

        assertThat(events).singleElement().isInstanceOfSatisfying(DeviceEvent.class, e -> {
            assertThat(e.kind()).isEqualTo("unresolved-tags");
            assertThat(e.attributes()).containsEntry("direction", "RECEIPT").containsEntry("count", "2")
                    .containsEntry("epcs", FACTORY + ",ABCD");
        });
    }

    @Test
    void oneReadLongAfterTheLastStartsANewPass() {
        List<PendingEvent> first = engine.onTagRead(read(insulin(1), 1, -60), T0);
        List<PendingEvent> second = engine.onTagRead(read(insulin(2), 2, -60), T0.plus(Duration.ofSeconds(5)));

        assertThat(first).isEmpty();
        assertThat(materialize(second)).singleElement().isInstanceOfSatisfying(StockMovement.class,
                m -> assertThat(m.movementType()).isEqualTo(MovementType.RECEIPT));
        assertThat(materialize(engine.flush())).singleElement().isInstanceOfSatisfying(StockMovement.class,
                m -> assertThat(m.movementType()).isEqualTo(MovementType.DISPATCH));
    }

    @Test
    void readsKeepThePassOpen() {
        for (int i = 0; i < 10; i++) {
            assertThat(engine.onTagRead(read(insulin(i + 1), 1, -60), at(i * 1_500L))).isEmpty();
        }
        assertThat(engine.tick(at(9 * 1_500L + 1_000))).isEmpty();
        assertThat(materialize(engine.tick(at(9 * 1_500L + 2_000)))).singleElement()
                .isInstanceOfSatisfying(StockMovement.class, m -> assertThat(m.lines().get(0).quantity()).isEqualByComparingTo("10"));
    }
}
