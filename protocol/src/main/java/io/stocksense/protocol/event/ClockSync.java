package io.stocksense.protocol.event;

/** The gateway's clock-sync state when it stamped an event. */
public enum ClockSync {
    /** NTP (or PTP) reports the clock synchronised. */
    SYNCED,
    /** The clock is known not to be synchronised (for example a Pi booted offline without an RTC). */
    UNSYNCED,
    /** The gateway cannot tell. */
    UNKNOWN
}
