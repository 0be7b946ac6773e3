package io.stocksense.sim;

import io.stocksense.sim.device.MessageSink;
import io.stocksense.sim.device.SimClock;

/** A sink that keeps every message with the simulation time it was published at. */
final class RecordingSink implements MessageSink {

    final Traffic traffic = new Traffic();
    private final SimClock clock;

    RecordingSink(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public void publish(String topic, byte[] payload) {
        traffic.add(new Traffic.Message(topic, payload.clone(), clock.now()));
    }
}
