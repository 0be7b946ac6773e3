package io.stocksense.edge.outbox;

import io.stocksense.protocol.Topics;

import java.util.List;

/** Events assigned to one batch sequence number, oldest first, all of one channel. */
public record Batch(long batchSeq, Topics.Channel channel, List<StoredEvent> events) {

    public Batch {
        events = List.copyOf(events);
    }
}
