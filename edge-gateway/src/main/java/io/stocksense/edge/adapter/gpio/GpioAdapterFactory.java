package io.stocksense.edge.adapter.gpio;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.AdapterContext;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.DeviceAdapterFactory;

import java.util.List;
import java.util.Objects;

/**
 * GPIO devices on the gateway's own pins through Pi4J 2: door contacts and beam-breaks as inputs,
 * signal lights and buzzers as outputs. The Pi4J context comes from {@link #contextSource}: by default
 * auto-detected (gpiod on a Pi); {@link #useContextSource} replaces it for tests and embedding.
 */
public final class GpioAdapterFactory implements DeviceAdapterFactory {

    private static volatile GpioContextSource contextSource = GpioContextSource.autoDetect();

    /** Sets the context source of adapters created from now on; returns the previous one. */
    public static GpioContextSource useContextSource(GpioContextSource source) {
        GpioContextSource previous = contextSource;
        contextSource = Objects.requireNonNull(source, "source");
        return previous;
    }

    public static GpioContextSource contextSource() {
        return contextSource;
    }

    @Override
    public Transport transport() {
        return Transport.GPIO;
    }

    @Override
    public DeviceAdapter create(AdapterContext ctx, List<Device> devices) {
        return new GpioDeviceAdapter(contextSource, devices, ctx.status(), ctx.sink(), ctx.alarms(), ctx.clock());
    }
}
