package io.stocksense.protocol.event;

import java.util.List;
import java.util.Objects;

/**
 * What a gateway publishes on one {@code up/...} topic: a batch of events with a batch sequence that
 * increases monotonically per gateway (across all three channels). The cloud answers on
 * {@code down/ack} with {@link BatchAck} after it has committed the batch.
 */
public record EventBatch(String siteId, String gatewayId, long batchSeq, List<GatewayEvent> events) {

    public EventBatch {
        Objects.requireNonNull(gatewayId, "gatewayId");
        if (batchSeq < 1) {
            throw new IllegalArgumentException("batchSeq must be >= 1, was " + batchSeq);
        }
        events = events == null ? List.of() : List.copyOf(events);
    }
}
