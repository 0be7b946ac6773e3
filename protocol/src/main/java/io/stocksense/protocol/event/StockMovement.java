package io.stocksense.protocol.event;

import io.stocksense.protocol.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Stock moved at one location, as the devices saw it: a pallet pass through a portal, or whole items
 * placed on or picked from a smart shelf.
 *
 * @param parentEpc      the SSCC (pallet) seen in the same pass, or null
 * @param unresolvedEpcs tags seen in the pass that map to no product (unencoded {@code E2…} EPCs,
 *                       unknown GTINs); kept as evidence, never guessed into a product
 */
public record StockMovement(
        String eventId,
        String type,
        String deviceId,
        long deviceSeq,
        Instant deviceTime,
        Instant gatewayTime,
        ClockSync clockSync,
        MovementType movementType,
        String warehouse,
        String location,
        List<MovementLine> lines,
        String parentEpc,
        List<String> unresolvedEpcs) implements GatewayEvent {

    public static final String TYPE = "movement";

    public StockMovement {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(gatewayTime, "gatewayTime");
        Objects.requireNonNull(movementType, "movementType");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(location, "location");
        if (type != null && !TYPE.equals(type)) {
            throw new IllegalArgumentException("type must be " + TYPE + ", was " + type);
        }
        type = TYPE;
        clockSync = clockSync == null ? ClockSync.UNKNOWN : clockSync;
        lines = lines == null ? List.of() : List.copyOf(lines);
        unresolvedEpcs = unresolvedEpcs == null ? List.of() : List.copyOf(unresolvedEpcs);
        if (deviceSeq < 1) {
            throw new IllegalArgumentException("deviceSeq must be >= 1, was " + deviceSeq);
        }
    }

    /** The signed change of stock at {@link #location()} that one line makes. */
    public BigDecimal signedQuantity(MovementLine line) {
        return movementType.sign() < 0 ? line.quantity().negate() : line.quantity();
    }

    @Override
    public Topics.Channel channel() {
        return Topics.Channel.MOVEMENTS;
    }
}
