package io.stocksense.edge.adapter;

/**
 * The I/O side of one transport on a gateway: it reaches the devices of that transport (a broker,
 * serial ports, OPC UA servers, GPIO pins), turns what arrives into {@link io.stocksense.edge.codec.DecodeResult}s
 * through the device's codec, and hands them to the {@link ReadingSink}. No decisions, no state beyond
 * connections.
 *
 * <p><b>Lifecycle and failure:</b> {@link #start()} never throws for an unreachable device: the device
 * goes OFFLINE with {@code COMMUNICATION_ERROR} and the adapter retries with backoff and jitter. Bad
 * configuration of a device makes that device OFFLINE with {@code CONFIGURATION_ERROR}; the others keep
 * running. {@link #close()} is idempotent.
 */
public interface DeviceAdapter extends AutoCloseable {

    /** Starts reading; returns at once (connections are made and retried in the background). */
    void start();

    @Override
    void close();
}
