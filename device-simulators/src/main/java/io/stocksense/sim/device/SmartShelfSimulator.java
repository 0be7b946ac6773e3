package io.stocksense.sim.device;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * A smart-shelf slot: a load cell under one SKU publishing {@code shelf-json} readings on the device's
 * address. It starts empty (0 g). A placement or a pick sends one or two unstable readings (a hand on
 * the shelf) and then one stable reading of the new weight plus a little seeded noise.
 *
 * <p>The noise is at most a fifth of the slot's tolerance (rounded to 0.1 g), so the difference
 * between two stable readings is always within tolerance of a whole number of items and the gateway
 * counts exactly what this simulator says it did. Only the first stable reading is a baseline; every
 * later one is a movement for the gateway.
 *
 * <p>{@link #idle} sends stable readings with no movement while the load cell drifts (temperature,
 * creep); the drift stays in every later reading, as on a real cell. The gateway follows drift of up to
 * half the slot's tolerance per reading, so a drift step must stay below that minus the noise.
 *
 * <p>Not thread-safe: one simulation thread drives it.
 */
public final class SmartShelfSimulator {

    private static final Duration SETTLE = Duration.ofMillis(150);

    private final Device device;
    private final Product product;
    private final BigDecimal unitWeight;
    private final BigDecimal noiseAmplitude;
    private final MessageSink sink;
    private final SimClock clock;
    private final Random random;
    private int count;
    private BigDecimal drift = BigDecimal.ZERO;
    private long messagesSent;

    /** @throws IllegalArgumentException when the device is no smart shelf or the product has no unit weight */
    public SmartShelfSimulator(Device device, Product product, MessageSink sink, SimClock clock, Random random) {
        if (device.family() != DeviceFamily.SMART_SHELF) {
            throw new IllegalArgumentException("device " + device.id() + " is a " + device.family().yamlName() + ", not a smart-shelf");
        }
        if (product.unitWeightGrams() == null || product.unitWeightGrams().signum() <= 0) {
            throw new IllegalArgumentException("device " + device.id() + ": product " + product.sku() + " has no unitWeightGrams");
        }
        this.device = device;
        this.product = product;
        this.unitWeight = product.unitWeightGrams();
        BigDecimal tolerance = device.shelf() != null && device.shelf().toleranceGrams() != null
                ? device.shelf().toleranceGrams() : unitWeight.multiply(new BigDecimal("0.1"));
        this.noiseAmplitude = tolerance.divide(BigDecimal.valueOf(5), 1, RoundingMode.DOWN);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Device device() {
        return device;
    }

    public Product product() {
        return product;
    }

    /** Items on the slot now. */
    public int count() {
        return count;
    }

    /** What the items on the slot weigh, without noise, in grams (0.1 g resolution). */
    public BigDecimal weightGrams() {
        return exactWeight();
    }

    /**
     * Sets how many items the slot holds before the scenario starts, without publishing anything: a
     * restarted simulator resumes where the warehouse's ledger says the slot stands, so its first
     * reading is no phantom pick or placement.
     */
    public void startAt(int items) {
        if (items < 0) {
            throw new IllegalArgumentException("shelf " + device.id() + ": start count must be >= 0, was " + items);
        }
        this.count = items;
    }

    /** One stable reading of the current weight without noise: the empty, tared shelf reads exactly 0.0 g. */
    public void baseline() {
        send(exactWeight(), true);
    }

    /** Someone puts {@code n} items on the slot. */
    public void place(int n) {
        requirePositive(n);
        move(n);
    }

    /**
     * Someone takes {@code n} items off the slot.
     *
     * @throws IllegalArgumentException when fewer than {@code n} items are there
     */
    public void pick(int n) {
        requirePositive(n);
        if (n > count) {
            throw new IllegalArgumentException("shelf " + device.id() + " holds " + count + ", cannot pick " + n);
        }
        move(-n);
    }

    /**
     * Nobody touches the slot: {@code readings} stable readings, {@code pause} apart, while the cell
     * drifts by {@code driftPerReading} grams with each one (0 for plain noise).
     */
    public void idle(int readings, BigDecimal driftPerReading, Duration pause) {
        for (int i = 0; i < readings; i++) {
            drift = drift.add(driftPerReading);
            send(exactWeight().add(drift).add(noise()), true);
            clock.sleep(pause);
        }
    }

    /** How far the cell has drifted from the true weight so far, in grams. */
    public BigDecimal driftGrams() {
        return drift;
    }

    private void move(int delta) {
        BigDecimal before = exactWeight();
        count += delta;
        BigDecimal change = unitWeight.multiply(BigDecimal.valueOf(delta));
        // a hand on the shelf: part of the change, then an overshoot, neither of them stable
        int unstable = 1 + random.nextInt(2);
        for (int i = 0; i < unstable; i++) {
            double share = i == 0 ? 0.3 + random.nextDouble() * 0.4 : 1.1 + random.nextDouble() * 0.3;
            BigDecimal transient_ = before.add(change.multiply(BigDecimal.valueOf(share))).max(BigDecimal.ZERO);
            send(transient_.setScale(1, RoundingMode.HALF_EVEN), false);
            clock.sleep(SETTLE);
        }
        send(exactWeight().add(drift).add(noise()), true);
        clock.sleep(SETTLE);
    }

    private BigDecimal exactWeight() {
        return unitWeight.multiply(BigDecimal.valueOf(count)).setScale(1, RoundingMode.HALF_EVEN);
    }

    private BigDecimal noise() {
        int steps = noiseAmplitude.movePointRight(1).intValue();
        if (steps == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(random.nextInt(2 * steps + 1) - steps, 1);
    }

    private void send(BigDecimal grams, boolean stable) {
        sink.publish(device.address(), Payloads.shelfWeight(grams, stable, clock.now()));
        messagesSent++;
    }

    private static void requirePositive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("item count must be positive, was " + n);
        }
    }

    public long messagesSent() {
        return messagesSent;
    }
}
