package io.stocksense.sim.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.stocksense.config.Device;
import io.stocksense.config.Transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The wiring behind a gateway's GPIO pins, on Pi4J's mock platform: door contacts and light barriers
 * that a test opens, closes and breaks, and signal outputs (a stack light) whose level it reads.
 *
 * <p>Hand {@link #openContext} to whatever opens the gateway's Pi4J context (the gateway's
 * {@code GpioAdapterFactory.useContextSource(sim::openContext)}); each call is a fresh mock board, and
 * the simulator drives the latest one. Pins are found by their BCM address, as the site file names
 * them, so the simulator does not depend on how the gateway names its I/O.
 *
 * <p>A device's {@code activeLow} option is honoured: an open door or a broken beam on an active-low
 * input is a LOW pin. {@link #unplug()} makes opening fail (a board without a gpiochip) until
 * {@link #plugIn()}. Thread-safe; a state change reaches the gateway's listener on the calling thread.
 */
public final class GpioPinSimulator {

    private volatile Context context;
    private volatile boolean unplugged;
    private long changes;

    /**
     * A new mock board with digital inputs and outputs; the gateway's pins appear on it as it creates them.
     *
     * @throws IllegalStateException while unplugged, as a Pi without a gpiochip would fail
     */
    public Context openContext() {
        if (unplugged) {
            throw new IllegalStateException("no gpiochip found (simulated GPIO board unplugged)");
        }
        Context c = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
        context = c;
        return c;
    }

    public void unplug() {
        unplugged = true;
    }

    public void plugIn() {
        unplugged = false;
    }

    /** Whether the gateway has created the input of this device on the current board. */
    public boolean ready(Device device) {
        return find(device, DigitalInput.class) != null;
    }

    /**
     * Puts an input at its resting level, as the wiring holds it at power-up: door closed, beam whole.
     * Pi4J's mock board starts every input LOW, which for an active-low light barrier means "broken".
     */
    public void rest(Device device) {
        set(device, false);
    }

    /** The door opens (or the beam is broken): the input goes active. */
    public void activate(Device device) {
        set(device, true);
    }

    /** The door closes (or the beam is restored). */
    public void deactivate(Device device) {
        set(device, false);
    }

    /** A pallet breaks the light barrier for {@code duration}, then the beam is whole again. */
    public void beamBreak(Device device, Duration duration) throws InterruptedException {
        activate(device);
        Thread.sleep(duration.toMillis());
        deactivate(device);
    }

    /** The level the gateway drives on a signal output, or null before it has created the pin. */
    public DigitalState output(Device device) {
        DigitalOutput out = find(device, DigitalOutput.class);
        return out == null ? null : out.state();
    }

    /** Pin changes made so far. */
    public synchronized long changes() {
        return changes;
    }

    private void set(Device device, boolean active) {
        MockDigitalInput in = find(device, MockDigitalInput.class);
        if (in == null) {
            throw new IllegalStateException("GPIO pin " + device.address() + " of " + device.id() + " is not open on the board yet");
        }
        boolean activeLow = Boolean.parseBoolean(device.options().getOrDefault("activeLow", "false"));
        in.mockState(active != activeLow ? DigitalState.HIGH : DigitalState.LOW);
        synchronized (this) {
            changes++;
        }
    }

    private <T> T find(Device device, Class<T> type) {
        Objects.requireNonNull(device, "device");
        if (device.transport() != Transport.GPIO) {
            throw new IllegalArgumentException("device " + device.id() + " is not on GPIO");
        }
        int bcm = Integer.parseInt(device.address().trim());
        Context c = context;
        if (c == null) {
            return null;
        }
        for (Object io : c.registry().all().values()) {
            if (type.isInstance(io) && io instanceof com.pi4j.io.gpio.digital.Digital<?, ?, ?> d
                    && d.config().address() != null && d.config().address() == bcm) {
                return type.cast(io);
            }
        }
        return null;
    }
}
