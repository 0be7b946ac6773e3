package io.stocksense.edge.engine.shelf;

import io.stocksense.config.Device;
import io.stocksense.config.Product;
import io.stocksense.config.ShelfSettings;
import io.stocksense.edge.engine.EngineOutput;
import io.stocksense.edge.engine.PendingEvent;
import io.stocksense.protocol.event.ClockSync;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.MovementType;
import io.stocksense.protocol.event.StockMovement;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts whole items on one smart-shelf slot from its settled weights.
 *
 * <ul>
 *   <li><b>Settling:</b> a weight counts only once it is settled ({@link StabilityWindow}: the engine's
 *       own window, with the device's stable flag as a hint).</li>
 *   <li><b>Counting:</b> the first settled weight ever seen is the baseline. After that, a settled
 *       weight that differs from the counted weight by n × unit weight (± tolerance, n ≠ 0) is a
 *       placement (n &gt; 0) or pick (n &lt; 0) of |n| items, and the counted weight moves by exactly
 *       n × unit weight.</li>
 *   <li><b>Anomalies:</b> any other change is never rounded into items: it raises one
 *       {@code shelf-anomaly} with the grams as evidence (once per distinct anomalous weight) and
 *       leaves the counted weight where it was.</li>
 *   <li><b>Drift:</b> a settled weight within half the tolerance of the counted weight pulls the
 *       counted weight {@value #DRIFT_GAIN} of the way toward it, so slow drift (temperature, creep of
 *       the load cell) is followed instead of piling up until it looks like an item or an anomaly. Half
 *       the tolerance is far below one item, so a real pick is never absorbed.</li>
 *   <li><b>Tare:</b> after {@link #tare()} the next settled weight becomes the baseline without a
 *       movement, reported as a {@code shelf-tare} event (someone emptied or re-fitted the slot).</li>
 * </ul>
 *
 * <p>Pure; the counted weight comes in through the constructor (from the outbox database) and goes
 * out in {@link EngineOutput#shelfCountedGrams()} when it moved by a movement, a tare, or by at least
 * {@value #PERSIST_STEP_GRAMS} g of drift. Not thread-safe.
 */
public final class ShelfWeightEngine {

    static final double DRIFT_GAIN = 0.05;
    static final int PERSIST_STEP_GRAMS = 1;
    private static final BigDecimal GAIN = BigDecimal.valueOf(DRIFT_GAIN);

    private final Device device;
    private final Product product;
    private final BigDecimal unitWeight;
    private final BigDecimal tolerance;
    private final BigDecimal driftBand;
    private final StabilityWindow window;
    private BigDecimal counted;
    private BigDecimal persisted;
    private BigDecimal lastAnomaly;
    private boolean tarePending;

    /** @param countedGrams the slot's persisted counted weight, or null when none was ever seen */
    public ShelfWeightEngine(Device device, Product product, BigDecimal countedGrams) {
        this.device = Objects.requireNonNull(device, "device");
        ShelfSettings shelf = Objects.requireNonNull(device.shelf(), "device " + device.id() + " has no shelf settings");
        this.product = Objects.requireNonNull(product, "product");
        if (product.unitWeightGrams() == null || product.unitWeightGrams().signum() <= 0) {
            throw new IllegalArgumentException("device " + device.id() + ": product " + product.sku()
                    + " needs a positive unitWeightGrams to be counted on a shelf");
        }
        this.unitWeight = product.unitWeightGrams();
        this.tolerance = shelf.toleranceGrams() == null ? BigDecimal.ZERO : shelf.toleranceGrams().abs();
        this.driftBand = tolerance.divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_EVEN);
        this.window = StabilityWindow.of(device, tolerance, unitWeight);
        this.counted = countedGrams;
        this.persisted = countedGrams;
    }

    public BigDecimal countedGrams() {
        return counted;
    }

    /** Puts the counted weight back to a value whose change could not be stored. */
    public void restore(BigDecimal countedGrams) {
        counted = countedGrams;
        persisted = countedGrams;
    }

    /** The next settled weight becomes the new baseline, without a movement. */
    public void tare() {
        tarePending = true;
    }

    public EngineOutput onWeight(WeightReading reading, Instant receivedAt) {
        BigDecimal grams = window.add(reading.grams(), reading.stable(), receivedAt.toEpochMilli());
        if (grams == null) {
            return EngineOutput.EMPTY;
        }
        if (tarePending || counted == null) {
            return rebaseline(grams, reading, receivedAt);
        }
        BigDecimal delta = grams.subtract(counted);
        if (delta.abs().compareTo(tolerance) <= 0) {
            lastAnomaly = null;
            return followDrift(delta);
        }
        BigDecimal items = delta.divide(unitWeight, 0, RoundingMode.HALF_UP);
        BigDecimal residual = delta.subtract(items.multiply(unitWeight)).abs();
        if (items.signum() != 0 && residual.compareTo(tolerance) <= 0) {
            lastAnomaly = null;
            counted = counted.add(items.multiply(unitWeight));
            persisted = counted;
            return new EngineOutput(List.of(movement(items.intValueExact(), reading, receivedAt)), Map.of(device.id(), counted));
        }
        if (lastAnomaly != null && grams.subtract(lastAnomaly).abs().compareTo(tolerance) <= 0) {
            return EngineOutput.EMPTY;
        }
        lastAnomaly = grams;
        return EngineOutput.of(List.of(anomaly(grams, delta, reading, receivedAt)));
    }

    private EngineOutput followDrift(BigDecimal delta) {
        if (delta.abs().compareTo(driftBand) > 0 || delta.signum() == 0) {
            return EngineOutput.EMPTY;
        }
        counted = counted.add(delta.multiply(GAIN)).setScale(3, RoundingMode.HALF_EVEN);
        if (counted.subtract(persisted).abs().compareTo(BigDecimal.valueOf(PERSIST_STEP_GRAMS)) < 0) {
            return EngineOutput.EMPTY;
        }
        persisted = counted;
        return new EngineOutput(List.of(), Map.of(device.id(), counted));
    }

    private EngineOutput rebaseline(BigDecimal grams, WeightReading reading, Instant receivedAt) {
        BigDecimal before = counted;
        counted = grams;
        persisted = grams;
        lastAnomaly = null;
        if (!tarePending) {
            return new EngineOutput(List.of(), Map.of(device.id(), counted));
        }
        tarePending = false;
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("sku", product.sku());
        evidence.put("location", String.valueOf(device.location()));
        evidence.put("previousCountedGrams", before == null ? "" : before.toPlainString());
        evidence.put("baselineGrams", grams.toPlainString());
        String id = device.id();
        return new EngineOutput(List.of(new PendingEvent(id, (eventId, seq) -> new DeviceEvent(eventId, null, id, seq,
                reading.deviceTime(), receivedAt, ClockSync.UNKNOWN, "shelf-tare", "info",
                "shelf re-baselined at " + grams.toPlainString() + " g without a movement", evidence))), Map.of(id, counted));
    }

    private PendingEvent movement(int items, WeightReading r, Instant receivedAt) {
        MovementType type = items > 0 ? MovementType.SHELF_PLACEMENT : MovementType.SHELF_PICK;
        MovementLine line = new MovementLine(product.sku(), product.gtin(), BigDecimal.valueOf(Math.abs(items)),
                product.unit(), null, List.of());
        String id = device.id();
        return new PendingEvent(id, (eventId, seq) -> new StockMovement(eventId, null, id, seq, r.deviceTime(), receivedAt,
                ClockSync.UNKNOWN, type, device.warehouse(), device.location(), List.of(line), null, List.of()));
    }

    private PendingEvent anomaly(BigDecimal grams, BigDecimal delta, WeightReading r, Instant receivedAt) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("sku", product.sku());
        evidence.put("location", String.valueOf(device.location()));
        evidence.put("grams", grams.toPlainString());
        evidence.put("countedGrams", counted.toPlainString());
        evidence.put("deltaGrams", delta.toPlainString());
        evidence.put("unitWeightGrams", unitWeight.toPlainString());
        evidence.put("toleranceGrams", tolerance.toPlainString());
        String id = device.id();
        String message = "weight changed by " + delta.toPlainString() + " g, not a whole number of "
                + unitWeight.toPlainString() + " g items";
        return new PendingEvent(id, (eventId, seq) -> new DeviceEvent(eventId, null, id, seq, r.deviceTime(), receivedAt,
                ClockSync.UNKNOWN, "shelf-anomaly", "warning", message, evidence));
    }
}
