package io.stocksense.edge.alarm;

import java.util.Objects;

/**
 * A zone's alarm was raised ({@code active} non-null) or cleared ({@code active} null). Stored in the
 * same transaction as the alarm's event, so the persisted state and what the cloud hears never disagree.
 */
public record AlarmChange(String zoneKey, ActiveAlarm active) {

    public AlarmChange {
        Objects.requireNonNull(zoneKey, "zoneKey");
    }

    public static AlarmChange raised(ActiveAlarm alarm) {
        return new AlarmChange(alarm.zoneKey(), alarm);
    }

    public static AlarmChange cleared(String zoneKey) {
        return new AlarmChange(zoneKey, null);
    }
}
