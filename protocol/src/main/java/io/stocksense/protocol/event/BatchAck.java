package io.stocksense.protocol.event;

import java.util.List;

/**
 * The cloud's application-level acknowledgement of one batch, published on {@code down/ack} after
 * COMMIT. The gateway deletes the batch's events from its outbox only when this arrives.
 *
 * @param accepted   events posted by this batch
 * @param duplicates events the cloud already had (re-delivery; a no-op)
 * @param rejected   events the cloud refused and kept for inspection, with the reason; the gateway
 *                   does not resend them
 */
public record BatchAck(long batchSeq, int accepted, int duplicates, List<Rejection> rejected) {

    public BatchAck {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public static BatchAck of(long batchSeq) {
        return new BatchAck(batchSeq, 0, 0, List.of());
    }

    /** One refused event: its id when it had a readable one, its position in the batch, and why. */
    public record Rejection(String eventId, int index, String reason) {
    }
}
