package io.stocksense.sim.fault;

import io.stocksense.sim.device.MessageSink;
import io.stocksense.sim.device.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link MessageSink} between the simulated devices and the broker that makes the devices as
 * unreliable as the {@link FaultRule}s say: it drops, duplicates, reorders, garbles and delays messages,
 * silences unplugged devices and queues everything during a broker outage. What it did is counted per
 * device and fault ({@link #injected()}).
 *
 * <p>Held messages (reordered, delayed, queued in an outage) go out at a later publish once due, and
 * all of them at {@link #flush()}, which a scenario calls at its end. One simulation thread.
 */
public final class FaultInjector implements MessageSink {

    public static final String DROP = "drop";
    public static final String DUPLICATE = "duplicate";
    public static final String REORDER = "reorder";
    public static final String GARBLE = "garble";
    public static final String DELAY = "delay";
    public static final String UNPLUG = "unplug";
    public static final String OUTAGE = "broker-outage";

    private record Held(String topic, byte[] payload, Instant due) {
    }

    private final MessageSink next;
    private final List<FaultRule> rules;
    private final Function<String, String> deviceOfTopic;
    private final SimClock clock;
    private final Instant start;
    private final Random random;
    private final Map<String, Held> reorderHeld = new LinkedHashMap<>();
    private final List<Held> delayed = new ArrayList<>();
    private final List<Held> outageQueue = new ArrayList<>();
    private final Map<String, Map<String, Long>> injected = new TreeMap<>();

    /**
     * @param deviceOfTopic the device a topic belongs to, or null for a topic of no simulated device
     *                      (passed through untouched)
     */
    public FaultInjector(MessageSink next, List<FaultRule> rules, Function<String, String> deviceOfTopic, SimClock clock,
                         Random random) {
        this.next = Objects.requireNonNull(next, "next");
        this.rules = List.copyOf(rules);
        this.deviceOfTopic = Objects.requireNonNull(deviceOfTopic, "deviceOfTopic");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.start = clock.now();
    }

    @Override
    public void publish(String topic, byte[] payload) {
        Duration since = Duration.between(start, clock.now());
        releaseDue(since);
        String device = deviceOfTopic.apply(topic);
        if (device == null || rules.isEmpty()) {
            next.publish(topic, payload);
            return;
        }
        List<FaultRule> active = rules.stream().filter(r -> r.concerns(device) && r.activeAt(since)).toList();
        if (active.stream().anyMatch(FaultRule::unplug)) {
            count(device, UNPLUG);
            return;
        }
        if (active.stream().anyMatch(FaultRule::outage)) {
            count(device, OUTAGE);
            outageQueue.add(new Held(topic, payload, null));
            return;
        }
        Held previous = reorderHeld.remove(device);
        sendWithFaults(device, topic, payload, active, previous == null);
        if (previous != null) {
            next.publish(previous.topic(), previous.payload());
        }
    }

    private void sendWithFaults(String device, String topic, byte[] payload, List<FaultRule> active, boolean mayHold) {
        for (FaultRule r : active) {
            if (hit(r.drop())) {
                count(device, DROP);
                return;
            }
            if (hit(r.garble())) {
                count(device, GARBLE);
                next.publish(topic, garbled(payload));
                return;
            }
            if (hit(r.duplicate())) {
                count(device, DUPLICATE);
                next.publish(topic, payload);
                next.publish(topic, payload);
                return;
            }
            if (mayHold && hit(r.reorder())) {
                count(device, REORDER);
                reorderHeld.put(device, new Held(topic, payload, null));
                return;
            }
            if (r.delay() != null && r.delay().compareTo(Duration.ZERO) > 0 && hit(r.delayProbability())) {
                count(device, DELAY);
                delayed.add(new Held(topic, payload, clock.now().plus(r.delay())));
                return;
            }
        }
        next.publish(topic, payload);
    }

    /** Sends everything still held: reordered messages, delayed ones (waiting until due), an outage's queue. */
    public void flush() {
        outageQueue.forEach(h -> next.publish(h.topic(), h.payload()));
        outageQueue.clear();
        reorderHeld.values().forEach(h -> next.publish(h.topic(), h.payload()));
        reorderHeld.clear();
        for (Held h : delayed) {
            Duration wait = Duration.between(clock.now(), h.due());
            if (wait.compareTo(Duration.ZERO) > 0) {
                clock.atomically(() -> clock.sleep(wait));
            }
            next.publish(h.topic(), h.payload());
        }
        delayed.clear();
    }

    /** Faults injected so far: device id → fault name → messages. */
    public Map<String, Map<String, Long>> injected() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        injected.forEach((d, m) -> copy.put(d, Map.copyOf(m)));
        return copy;
    }

    private void releaseDue(Duration since) {
        if (!outageQueue.isEmpty() && rules.stream().noneMatch(r -> r.outage() && r.activeAt(since))) {
            outageQueue.forEach(h -> next.publish(h.topic(), h.payload()));
            outageQueue.clear();
        }
        Instant now = clock.now();
        for (Iterator<Held> it = delayed.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (!h.due().isAfter(now)) {
                it.remove();
                next.publish(h.topic(), h.payload());
            }
        }
    }

    private boolean hit(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    private void count(String device, String fault) {
        injected.computeIfAbsent(device, k -> new TreeMap<>()).merge(fault, 1L, Long::sum);
    }

    /** Half the message and a 0xFF byte: never valid UTF-8, so never a valid JSON or text frame. */
    static byte[] garbled(byte[] payload) {
        byte[] out = Arrays.copyOf(payload, payload.length / 2 + 1);
        out[out.length - 1] = (byte) 0xFF;
        return out;
    }
}
