package io.stocksense.sim.fault;

import io.stocksense.sim.device.SimClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault alone, on numbered messages of one device, on a virtual clock. */
class FaultInjectorTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    final SimClock clock = SimClock.virtual(T0, Duration.ofHours(1));
    final List<String> sent = new ArrayList<>();

    FaultInjector injector(FaultRule... rules) {
        return new FaultInjector((t, p) -> sent.add(new String(p, StandardCharsets.ISO_8859_1)), List.of(rules),
                topic -> topic.startsWith("dev/") ? topic.substring(4) : null, clock, new Random(3));
    }

    void send(FaultInjector f, String device, int from, int to) {
        for (int i = from; i <= to; i++) {
            f.publish("dev/" + device, ("m" + i).getBytes(StandardCharsets.ISO_8859_1));
            clock.sleep(Duration.ofSeconds(1));
        }
    }

    @Test
    void withCertainDropNothingArrivesAndEveryDropIsCounted() {
        FaultInjector f = injector(FaultRule.messages("a", 1, 0, 0, 0));
        send(f, "a", 1, 5);
        send(f, "b", 6, 7);
        assertThat(sent).containsExactly("m6", "m7");
        assertThat(f.injected()).isEqualTo(Map.of("a", Map.of("drop", 5L)));
    }

    @Test
    void duplicatesArriveTwiceInPlace() {
        FaultInjector f = injector(FaultRule.messages("a", 0, 1, 0, 0));
        send(f, "a", 1, 2);
        assertThat(sent).containsExactly("m1", "m1", "m2", "m2");
    }

    @Test
    void aReorderedMessageArrivesAfterTheDevicesNextOne() {
        FaultInjector f = injector(FaultRule.messages("a", 0, 0, 1, 0));
        send(f, "a", 1, 4);
        f.flush();
        assertThat(sent).containsExactly("m2", "m1", "m4", "m3");
        assertThat(f.injected().get("a")).containsEntry("reorder", 2L);
    }

    @Test
    void garbledMessagesAreCutAndEndInAnInvalidByte() {
        FaultInjector f = injector(FaultRule.messages("a", 0, 0, 0, 1));
        f.publish("dev/a", "{\"temperature\":4.75}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s).startsWith("{\"temperat").hasSize(11);
            assertThat(s.charAt(10)).isEqualTo((char) 0xFF);
        });
    }

    @Test
    void delayedMessagesGoOutOnceDueOrAtTheFlush() {
        FaultInjector f = injector(new FaultRule("a", null, null, 0, 0, 0, 0, Duration.ofMillis(2500), 1, false, false));
        send(f, "a", 1, 1);
        f.publish("dev/b", "x1".getBytes(StandardCharsets.ISO_8859_1));
        clock.sleep(Duration.ofSeconds(2));
        f.publish("dev/b", "x2".getBytes(StandardCharsets.ISO_8859_1));
        send(f, "a", 2, 2);
        f.flush();
        assertThat(sent).containsExactly("x1", "m1", "x2", "m2");
        assertThat(clock.now()).isAfterOrEqualTo(T0.plusMillis(3000 + 2500));
    }

    @Test
    void anUnpluggedDeviceIsSilentOnlyInItsWindow() {
        FaultInjector f = injector(FaultRule.unplug("a", Duration.ofSeconds(2), Duration.ofSeconds(2)));
        send(f, "a", 0, 5);
        assertThat(sent).containsExactly("m0", "m1", "m4", "m5");
        assertThat(f.injected().get("a")).containsEntry("unplug", 2L);
    }

    @Test
    void aBrokerOutageQueuesEveryDeviceAndDeliversInOrderAfterwards() {
        FaultInjector f = injector(FaultRule.brokerOutage(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        for (int i = 0; i < 6; i++) {
            f.publish("dev/" + (i % 2 == 0 ? "a" : "b"), ("m" + i).getBytes(StandardCharsets.ISO_8859_1));
            if (i == 3) {
                assertThat(sent).containsExactly("m0");
            }
            clock.sleep(Duration.ofSeconds(1));
        }
        assertThat(sent).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
        assertThat(f.injected()).containsEntry("a", Map.of("broker-outage", 1L)).containsEntry("b", Map.of("broker-outage", 2L));
    }

    @Test
    void badRulesAreRefusedWithAReason() {
        assertThatThrownBy(() -> FaultRule.messages("a", 1.5, 0, 0, 0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new FaultRule("a", null, null, 0, 0, 0, 0, null, 0, true, false)).hasMessageContaining("window");
        assertThatThrownBy(() -> new FaultRule("a", Duration.ZERO, Duration.ofSeconds(1), 0, 0, 0, 0, null, 0, false, true))
                .hasMessageContaining("every device");
    }
}
