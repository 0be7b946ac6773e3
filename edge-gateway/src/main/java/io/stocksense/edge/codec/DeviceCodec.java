package io.stocksense.edge.codec;

import io.stocksense.config.Device;

import java.time.Instant;

/**
 * Turns one raw device payload (a vendor's own format) into canonical protocol
 * {@link io.stocksense.protocol.reading.Reading}s.
 *
 * <p>Implementations are registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/io.stocksense.edge.codec.DeviceCodec} and looked up by {@link #name()} (the
 * {@code codec} a device names in the site file) through {@link CodecRegistry}.
 *
 * <p><b>Threading:</b> a codec is stateless and pure; {@link #decode} may be called from any thread,
 * concurrently. <b>Failure:</b> {@link #decode} never throws. Every part of the payload that cannot be
 * read becomes a {@link Rejection} with its reason and an excerpt, next to whatever could be read.
 */
public interface DeviceCodec {

    /** The codec name used in site files, for example {@code zebra-iotc}. */
    String name();

    /**
     * Decodes one payload.
     *
     * @param deviceId   the configured device id, copied into every reading
     * @param payload    the raw bytes as received (never modified)
     * @param receivedAt when the gateway received the payload
     */
    DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt);

    /**
     * Decodes one payload knowing where it came from: the configured device (its {@code options} may
     * tune the codec, e.g. a mapping or a time zone) and the topic or channel it arrived on (some
     * vendors put the quantity in the topic, e.g. Shelly Gen1 {@code shellies/<id>/sensor/temperature}).
     * Adapters call this one. The default ignores both and calls {@link #decode(String, byte[], Instant)},
     * so codecs that need neither stay unchanged. Same threading and failure rules.
     *
     * @param topic the MQTT topic (or another transport's channel name), or null when there is none
     */
    default DecodeResult decode(Device device, String topic, byte[] payload, Instant receivedAt) {
        return decode(device.id(), payload, receivedAt);
    }
}
