package io.stocksense.cloud.ingest;

import java.time.Instant;

/**
 * A kept dead letter in {@code GET /api/v1/ingest/rejections}. {@code raw} is the event's JSON as
 * received (or the whole payload for a batch whose envelope was unreadable); {@code eventId} and
 * {@code index} are null when unknown.
 */
public record RejectionView(long id, String siteId, String gatewayId, String topic, Long batchSeq, String eventId,
                            Integer index, String reason, String raw, Instant receivedAt) {
}
