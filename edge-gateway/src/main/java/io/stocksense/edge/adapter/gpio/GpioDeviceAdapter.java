package io.stocksense.edge.adapter.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import io.stocksense.config.Device;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.ReadingSink;
import io.stocksense.edge.adapter.mqtt.Backoff;
import io.stocksense.edge.alarm.LocalAlarms;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;
import io.stocksense.protocol.reading.DigitalInputReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The gateway's own GPIO pins through Pi4J 2. Door-family devices are inputs: each change of level
 * becomes a {@link DigitalInputReading} (after the device's polarity) handed to the sink, plus one
 * reading of the level found when the pin is opened. Signal-family devices are outputs: ON while any
 * local alarm is active ({@link LocalAlarms}), so a stack light works with the cloud offline.
 *
 * <p>All Pi4J work and every hand-off to the sink run on one thread ({@code edge-gpio}), so the
 * provider's event thread is never blocked and a pin's changes keep their order. When the context
 * cannot be opened (not a Pi, no gpiochip, no native library), or a pin cannot be claimed, the devices
 * concerned are OFFLINE with {@code COMMUNICATION_ERROR} and the reason, and the adapter retries with
 * backoff and jitter. A device with bad pin settings is OFFLINE with {@code CONFIGURATION_ERROR}.
 */
public final class GpioDeviceAdapter implements DeviceAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GpioDeviceAdapter.class);

    private final GpioContextSource source;
    private final DeviceStatusBoard status;
    private final ReadingSink sink;
    private final LocalAlarms alarms;
    private final Clock clock;
    private final List<GpioPin> pins = new ArrayList<>();
    private final Map<String, DigitalOutput> outputs = new ConcurrentHashMap<>();
    private final Map<String, DigitalInput> inputs = new ConcurrentHashMap<>();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private final ScheduledExecutorService thread;
    private final Consumer<Boolean> alarmListener = this::alarmsChanged;
    private Context context;
    private volatile boolean closed;
    private volatile boolean alarmOn;

    public GpioDeviceAdapter(GpioContextSource source, List<Device> devices, DeviceStatusBoard status, ReadingSink sink,
                             LocalAlarms alarms, Clock clock) {
        this.source = source;
        this.status = status;
        this.sink = sink;
        this.alarms = alarms;
        this.clock = clock;
        for (Device d : devices) {
            if (status.hasConfigurationError(d.id())) {
                continue;
            }
            try {
                pins.add(GpioPin.of(d));
                status.offline(d.id(), DeviceStatus.Reason.NOT_STARTED, "GPIO not opened yet");
            } catch (IllegalArgumentException e) {
                status.offline(d.id(), DeviceStatus.Reason.CONFIGURATION_ERROR, e.getMessage());
            }
        }
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-gpio");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the pins in the background; outputs follow the local alarms from then on. */
    @Override
    public void start() {
        if (pins.isEmpty()) {
            return;
        }
        alarms.onAnyActiveChanged(alarmListener);
        submit(this::provision, 0);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        alarms.removeListener(alarmListener);
        try {
            thread.submit(this::shutdownContext).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing GPIO: {}", e.toString());
        }
        thread.shutdownNow();
    }

    /** Opens the context if needed and claims every pin not yet claimed; retries what failed. */
    private void provision() {
        if (closed) {
            return;
        }
        if (context == null) {
            try {
                context = source.open();
            } catch (RuntimeException | LinkageError e) {
                String why = "cannot open GPIO (Pi4J): " + e;
                LOG.warn("{}; retrying", why);
                pins.forEach(p -> markFailed(p, why));
                retry();
                return;
            }
        }
        boolean allOpen = true;
        for (GpioPin p : pins) {
            if (!inputs.containsKey(p.device().id()) && !outputs.containsKey(p.device().id())) {
                allOpen &= open(p);
            }
        }
        if (allOpen) {
            backoff.reset();
        } else {
            retry();
        }
    }

    private boolean open(GpioPin p) {
        try {
            if (p.output()) {
                DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context).id(ioId(p)).name(p.device().id())
                        .address(p.bcm()).initial(level(p.highFor(alarmOn))).shutdown(level(p.highFor(false))));
                outputs.put(p.device().id(), out);
            } else {
                DigitalInput in = context.create(DigitalInput.newConfigBuilder(context).id(ioId(p)).name(p.device().id())
                        .address(p.bcm()).pull(p.pull()).debounce(p.debounce().toNanos() / 1000, TimeUnit.MICROSECONDS));
                in.addListener(e -> onChange(p, e));
                inputs.put(p.device().id(), in);
                deliver(p, in.state(), clock.instant());
            }
            status.online(p.device().id());
            return true;
        } catch (RuntimeException e) {
            markFailed(p, "cannot open BCM pin " + p.bcm() + ": " + e);
            return false;
        }
    }

    private void onChange(GpioPin p, DigitalStateChangeEvent<?> e) {
        Instant at = clock.instant();
        DigitalState state = e.state();
        submit(() -> deliver(p, state, at), 0);
    }

    private void deliver(GpioPin p, DigitalState state, Instant at) {
        if (state == null || (!state.isHigh() && !state.isLow())) {
            return; // UNKNOWN: nothing to report yet
        }
        boolean active = p.activeFromHigh(state.isHigh());
        DigitalInputReading reading = new DigitalInputReading(p.device().id(), null, String.valueOf(p.bcm()), active);
        // The "payload" of a pin is its level; kept so a reading an engine refuses is still traceable.
        byte[] payload = ("BCM" + p.bcm() + "=" + (state.isHigh() ? "HIGH" : "LOW")).getBytes(StandardCharsets.US_ASCII);
        try {
            sink.accept(p.device(), p.device().codec(), payload, new DecodeResult(List.of(reading), List.of()), at);
        } catch (RuntimeException ex) {
            // A pin edge cannot be re-read later: say loudly that it was lost.
            LOG.error("GPIO change of {} ({}) could not be stored and is lost: {}", p.device().id(), reading, ex.toString());
        }
    }

    /** Local alarms changed (called on the pipeline thread): drive the outputs on the GPIO thread. */
    private void alarmsChanged(boolean anyActive) {
        alarmOn = anyActive;
        submit(() -> outputs.forEach((id, out) -> drive(id, out, anyActive)), 0);
    }

    private void drive(String deviceId, DigitalOutput out, boolean on) {
        GpioPin p = pins.stream().filter(x -> x.device().id().equals(deviceId)).findFirst().orElseThrow();
        try {
            out.state(level(p.highFor(on)));
            LOG.info("signal {} {}", deviceId, on ? "ON (local alarm active)" : "OFF");
        } catch (RuntimeException e) {
            status.offline(deviceId, DeviceStatus.Reason.COMMUNICATION_ERROR, "cannot drive BCM pin " + p.bcm() + ": " + e);
        }
    }

    private void markFailed(GpioPin p, String why) {
        status.offline(p.device().id(), DeviceStatus.Reason.COMMUNICATION_ERROR, why);
    }

    private void retry() {
        submit(this::provision, backoff.next().toMillis());
    }

    private void submit(Runnable task, long delayMillis) {
        if (closed && delayMillis > 0) {
            return;
        }
        try {
            thread.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("GPIO task failed: {}", e.toString(), e);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("GPIO adapter closed; dropped a task");
        }
    }

    private void shutdownContext() {
        if (context == null) {
            return;
        }
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Pi4J shutdown: {}", e.toString());
        }
        context = null;
    }

    private static DigitalState level(boolean high) {
        return high ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static String ioId(GpioPin p) {
        return "stocksense-" + p.device().id();
    }
}
