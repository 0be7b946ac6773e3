package io.stocksense.edge.adapter;

import io.stocksense.config.Device;
import io.stocksense.edge.codec.DecodeResult;

import java.time.Instant;

/** Where an adapter hands a decoded payload. */
@FunctionalInterface
public interface ReadingSink {

    /**
     * Takes one decoded payload and returns only once everything it produced is stored, so the
     * adapter may acknowledge the device message. Throws when it could not be stored; the adapter
     * must then not acknowledge.
     */
    void accept(Device device, String codec, byte[] payload, DecodeResult result, Instant receivedAt);
}
