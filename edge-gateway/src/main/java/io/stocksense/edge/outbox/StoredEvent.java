package io.stocksense.edge.outbox;

import io.stocksense.protocol.Topics;

/** One event row of the outbox: its wire JSON and its identity. */
public record StoredEvent(long id, String eventId, Topics.Channel channel, String deviceId, long deviceSeq, String payloadJson) {
}
