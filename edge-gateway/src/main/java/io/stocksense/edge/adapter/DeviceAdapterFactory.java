package io.stocksense.edge.adapter;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;

import java.util.List;

/**
 * Creates the adapter of one transport. Registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/io.stocksense.edge.adapter.DeviceAdapterFactory}; adding a transport is one
 * package plus one line there, with no central switch.
 */
public interface DeviceAdapterFactory {

    /** The transport this factory serves. */
    Transport transport();

    /**
     * The adapter for all of the gateway's devices on this transport (never empty).
     *
     * @throws IllegalArgumentException when the transport itself is misconfigured (a message naming the setting)
     */
    DeviceAdapter create(AdapterContext context, List<Device> devices);
}
