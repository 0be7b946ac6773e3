package io.stocksense.protocol.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids. The same (site, gateway, device, sequence) always gives the same id, so
 * an event replayed after a crash or re-sent after a lost ack is recognised by the cloud.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String siteId, String gatewayId, String deviceId, long deviceSeq) {
        String key = siteId + '\u001f' + gatewayId + '\u001f' + deviceId + '\u001f' + deviceSeq;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
