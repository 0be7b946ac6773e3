package io.stocksense.edge.health;

import java.time.Instant;

/**
 * A device's state as the gateway sees it.
 *
 * @param reason null when ONLINE; otherwise why not, e.g. {@code CONFIGURATION_ERROR}
 * @param detail a human-readable explanation (never contains secrets)
 */
public record DeviceStatus(String deviceId, State state, Reason reason, String detail, Instant since) {

    public enum State { ONLINE, OFFLINE }

    /** Why a device is offline (after openHAB's thing status details). */
    public enum Reason { COMMUNICATION_ERROR, CONFIGURATION_ERROR, NOT_STARTED }
}
