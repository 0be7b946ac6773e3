package io.stocksense.sim.device;

/**
 * Where simulated devices put their payloads: an MQTT broker in production
 * ({@link io.stocksense.sim.MqttDevicePublisher}), a recording list in unit tests.
 *
 * <p>Called from one simulation thread at a time. A failure to deliver is an unchecked exception,
 * which ends the scenario: a simulator that silently loses messages would make the expected stock
 * it reports a lie.
 */
@FunctionalInterface
public interface MessageSink {

    void publish(String topic, byte[] payload);
}
