package io.stocksense.edge.codec.mettler;

import java.math.BigDecimal;

/**
 * One Toledo Continuous frame's decoded content (the vendor frame, before mapping to a reading).
 *
 * @param weight      the displayed weight with its sign and decimal point, in {@code unit}
 * @param unit        {@code kg}, {@code lb}, {@code g}, {@code t}, {@code oz}, {@code ozt}, {@code dwt}
 *                    or {@code ton}; null for custom units
 * @param net         SWB bit 0: the weight is net (a tare is applied)
 * @param motion      SWB bit 3: the scale is in motion
 * @param outOfRange  SWB bit 2: over capacity or under zero
 * @param notReady    SWB bit 6: zero was not captured at power-up
 * @param hadChecksum whether the frame carried (and passed) the checksum byte
 */
public record ToledoFrame(BigDecimal weight, String unit, boolean net, boolean motion, boolean outOfRange,
                          boolean notReady, boolean hadChecksum) {
}
