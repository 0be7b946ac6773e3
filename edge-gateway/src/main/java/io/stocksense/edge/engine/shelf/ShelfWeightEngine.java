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
 * Counts whole items on one smart-shelf slot from its stable weights.
 *
 * <p>The first stable weight ever seen is the baseline. After that, a stable weight that differs from
 * the last <em>counted</em> weight by n × unit weight (± tolerance, n ≠ 0) is a placement (n &gt; 0)
 * or pick (n &lt; 0) of |n| items, and the counted weight moves by exactly n × unit weight, so drift
 * within tolerance never accumulates into phantom items. A change within tolerance of zero is noise.
 * Any other change is never rounded into items: it raises one {@code shelf-anomaly} with the grams as
 * evidence (once per distinct anomalous weight, so a shelf that keeps repeating the same weight does
 * not flood the uplink) and leaves the counted weight where it was.
 *
 * <p>Pure; the counted weight comes in through the constructor (from the outbox database) and goes
 * out in {@link EngineOutput#shelfCountedGrams()}. Not thread-safe.
 */
public final class ShelfWeightEngine {

    private final Device device;
    private final Product product;
    private final BigDecimal unitWeight;
    private final BigDecimal tolerance;
    private BigDecimal counted;
    private BigDecimal lastAnomaly;

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
        this.counted = countedGrams;
    }

    public BigDecimal countedGrams() {
        return counted;
    }

    public EngineOutput onWeight(WeightReading reading, Instant receivedAt) {
        if (!reading.stable()) {
            return EngineOutput.EMPTY;
        }
        BigDecimal grams = reading.grams();
        if (counted == null) {
            counted = grams;
            return new EngineOutput(List.of(), Map.of(device.id(), counted));
        }
        BigDecimal delta = grams.subtract(counted);
        if (delta.abs().compareTo(tolerance) <= 0) {
            lastAnomaly = null;
            return EngineOutput.EMPTY;
        }
        BigDecimal items = delta.divide(unitWeight, 0, RoundingMode.HALF_UP);
        BigDecimal residual = delta.subtract(items.multiply(unitWeight)).abs();
        if (items.signum() != 0 && residual.compareTo(tolerance) <= 0) {
            lastAnomaly = null;
            counted = counted.add(items.multiply(unitWeight));
            return new EngineOutput(List.of(movement(items.intValueExact(), reading, receivedAt)), Map.of(device.id(), counted));
        }
        if (lastAnomaly != null && grams.subtract(lastAnomaly).abs().compareTo(tolerance) <= 0) {
            return EngineOutput.EMPTY;
        }
        lastAnomaly = grams;
        return EngineOutput.of(List.of(anomaly(grams, delta, reading, receivedAt)));
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
