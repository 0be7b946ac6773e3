package io.stocksense.edge.engine.environment;

import io.stocksense.config.TemperatureLimits;
import io.stocksense.edge.alarm.ActiveAlarm;
import io.stocksense.edge.alarm.AlarmChange;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.protocol.event.TelemetryPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.stocksense.edge.engine.Events.materialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Local excursion alarms and MKT, driven by a clock the test moves (readings once a minute). */
class ZoneAlarmEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final TemperatureLimits COLD = new TemperatureLimits(2, 8, Duration.ofMinutes(15), Duration.ofMinutes(5), 0.5, 2);

    private final ZoneAlarmEngine engine = new ZoneAlarmEngine("gw-1", Duration.ofHours(24), Duration.ofMinutes(15));
    private final List<GatewayEvent> events = new ArrayList<>();
    private final List<AlarmChange> changes = new ArrayList<>();
    private Instant now = T0;

    ZoneAlarmEngineTest() {
        engine.watch("WH1", "COLD", COLD, null);
    }

    /** One reading per minute for {@code minutes} minutes, with the pipeline's tick after each. */
    private void readEveryMinute(int minutes, double celsius) {
        for (int i = 0; i < minutes; i++) {
            collect(engine.onTemperature("WH1", "COLD", "cold-sensor-1", celsius, now));
            now = now.plus(Duration.ofMinutes(1));
            collect(engine.tick(now));
        }
    }

    private void collect(EngineOutput out) {
        events.addAll(materialize(out.events()));
        changes.addAll(out.alarmChanges());
    }

    private List<DeviceEvent> alarmEvents() {
        return events.stream().filter(DeviceEvent.class::isInstance).map(DeviceEvent.class::cast).toList();
    }

    @Test
    void aFourteenMinuteExcursionRaisesNothing() {
        readEveryMinute(30, 5.0);
        readEveryMinute(14, 9.5);
        readEveryMinute(30, 5.0);

        assertThat(alarmEvents()).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void anExcursionHeldForTheDelayRaisesACriticalAlarmCountedFromItsFirstReading() {
        readEveryMinute(5, 5.0);
        Instant left = now;
        readEveryMinute(16, 9.5);

        assertThat(alarmEvents()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("alarm-raised");
            assertThat(e.severity()).isEqualTo("critical");
            assertThat(e.deviceId()).isEqualTo("gw-1");
            assertThat(e.gatewayTime()).isEqualTo(left.plus(Duration.ofMinutes(15)));
            assertThat(e.attributes()).containsEntry("zone", "COLD").containsEntry("warehouse", "WH1")
                    .containsEntry("value", "9.5").containsEntry("limit", "8.0").containsEntry("since", left.toString())
                    .containsEntry("sensor", "cold-sensor-1");
        });
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.zoneKey()).isEqualTo("WH1/COLD");
            assertThat(c.active().since()).isEqualTo(left);
            assertThat(c.active().limitC()).isEqualTo(8.0);
        });
    }

    @Test
    void itClearsOnlyInsideTheBandByTheHysteresisAndAfterTheClearDelay() {
        readEveryMinute(20, 1.0);
        assertThat(alarmEvents()).extracting(DeviceEvent::kind).containsExactly("alarm-raised");
        assertThat(alarmEvents().get(0).attributes()).containsEntry("limit", "2.0");

        readEveryMinute(30, 2.3); // back in the band, but within 0.5 °C of the limit
        assertThat(alarmEvents()).extracting(DeviceEvent::kind).containsExactly("alarm-raised");

        Instant back = now;
        readEveryMinute(4, 3.0); // clears 5 minutes after the first clear reading, not before
        assertThat(alarmEvents()).extracting(DeviceEvent::kind).containsExactly("alarm-raised");
        readEveryMinute(1, 3.0);

        assertThat(alarmEvents()).extracting(DeviceEvent::kind).containsExactly("alarm-raised", "alarm-cleared");
        DeviceEvent cleared = alarmEvents().get(1);
        assertThat(cleared.severity()).isEqualTo("info");
        assertThat(cleared.gatewayTime()).isEqualTo(back.plus(Duration.ofMinutes(5)));
        assertThat(cleared.attributes()).containsEntry("value", "3.0").containsEntry("zone", "COLD");
        assertThat(changes).extracting(AlarmChange::active).last().isNull();
    }

    @Test
    void aSingleSpikeWhileADoorIsOpenDoesNotStartTheDelayEvenWithNoDelay() {
        ZoneAlarmEngine instant = new ZoneAlarmEngine("gw-1", Duration.ofHours(24), Duration.ofMinutes(15));
        instant.watch("WH1", "COLD", new TemperatureLimits(2, 8, Duration.ZERO, Duration.ZERO, 0.5, 2), null);

        EngineOutput spike = instant.onTemperature("WH1", "COLD", "s1", 12.0, T0);
        EngineOutput after = instant.onTemperature("WH1", "COLD", "s1", 5.0, T0.plusSeconds(60));
        EngineOutput later = instant.tick(T0.plusSeconds(3600));
        assertThat(spike.plus(after).plus(later).alarmChanges()).isEmpty();

        // Two readings in a row outside the band are an excursion.
        instant.onTemperature("WH1", "COLD", "s1", 12.0, T0.plusSeconds(3660));
        assertThat(instant.onTemperature("WH1", "COLD", "s1", 12.5, T0.plusSeconds(3720)).alarmChanges()).hasSize(1);
    }

    @Test
    void aSpikeInsideALongerExcursionDoesNotResetIt() {
        readEveryMinute(8, 9.5);
        readEveryMinute(1, 5.0); // one reading back in the band is not a return
        readEveryMinute(7, 9.5);
        assertThat(alarmEvents()).extracting(DeviceEvent::kind).containsExactly("alarm-raised");
        assertThat(changes.get(0).active().since()).isEqualTo(T0);
    }

    @Test
    void aRestoredAlarmIsNotRaisedAgainAndClearsWithReadings() {
        ZoneAlarmEngine restarted = new ZoneAlarmEngine("gw-1", Duration.ofHours(24), Duration.ofMinutes(15));
        ActiveAlarm before = new ActiveAlarm("WH1", "COLD", T0.minusSeconds(3600), T0.minusSeconds(2700), 9.5, 8, "cold-sensor-1");
        restarted.watch("WH1", "COLD", COLD, before);

        List<AlarmChange> seen = new ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            seen.addAll(restarted.onTemperature("WH1", "COLD", "cold-sensor-1", 9.5 - i, T0.plusSeconds(60L * i)).alarmChanges());
        }
        assertThat(seen).isEmpty();
        for (int i = 7; i <= 13; i++) {
            seen.addAll(restarted.onTemperature("WH1", "COLD", "cold-sensor-1", 4.0, T0.plusSeconds(60L * i)).alarmChanges());
        }
        assertThat(seen).singleElement().isEqualTo(AlarmChange.cleared("WH1/COLD"));
    }

    @Test
    void meanKineticTemperatureOfAKnownSeries() {
        assertThat(MeanKineticTemperature.ofCelsius(List.of(4.0, 5.0, 6.0, 8.0, 12.0, 5.0, 4.0))).isCloseTo(6.76, within(0.01));
        assertThat(MeanKineticTemperature.ofCelsius(List.of(5.0, 5.0))).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void mktIsSentPerZoneEveryIntervalOverTheWindow() {
        double[] series = {4, 5, 6, 8, 12, 5, 4};
        for (double c : series) {
            collect(engine.onTemperature("WH1", "COLD", "cold-sensor-1", c, now));
            now = now.plus(Duration.ofMinutes(2));
        }
        collect(engine.tick(now)); // 14 minutes after the first reading: not yet
        assertThat(events).isEmpty();
        now = now.plus(Duration.ofMinutes(1));
        collect(engine.tick(now));

        assertThat(events).singleElement().isInstanceOfSatisfying(TelemetryPoint.class, p -> {
            assertThat(p.metric()).isEqualTo("mkt");
            assertThat(p.value()).isEqualTo(6.76);
            assertThat(p.unit()).isEqualTo("CEL");
            assertThat(p.zone()).isEqualTo("COLD");
            assertThat(p.deviceId()).isEqualTo("gw-1");
        });
        assertThat(engine.climates()).singleElement().satisfies(z -> {
            assertThat(z.mktC()).isEqualTo(6.76);
            assertThat(z.lastTemperatureC()).isEqualTo(4.0);
        });
    }
}
