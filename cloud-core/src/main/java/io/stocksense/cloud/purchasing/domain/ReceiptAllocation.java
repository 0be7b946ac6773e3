package io.stocksense.cloud.purchasing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a received quantity over open order lines of one SKU, oldest order first, up to what each
 * line may still take with its over-delivery tolerance. What no line can take is the excess, flagged
 * rather than received. Pure.
 */
public final class ReceiptAllocation {

    /** An order line that may take goods: how much more it accepts. */
    public record OpenLine(long poId, int lineNo, BigDecimal ordered, BigDecimal received, BigDecimal tolerancePct) {

        /** {@code ordered × (1 + tolerance) − received}, never below zero. */
        public BigDecimal capacity() {
            BigDecimal max = ordered.multiply(BigDecimal.ONE.add(tolerancePct.movePointLeft(2)));
            return max.subtract(received).max(BigDecimal.ZERO);
        }

        /** Received at least {@code ordered × (1 − tolerance)}: the line needs nothing more. */
        public static boolean complete(BigDecimal ordered, BigDecimal received, BigDecimal tolerancePct) {
            return received.compareTo(ordered.multiply(BigDecimal.ONE.subtract(tolerancePct.movePointLeft(2)))) >= 0;
        }
    }

    public record Share(OpenLine line, BigDecimal quantity) {
    }

    public record Result(List<Share> shares, BigDecimal excess) {
    }

    private ReceiptAllocation() {
    }

    /**
     * Fills lines in the given order: first each up to its ordered remainder, then (when goods are left)
     * each up to its tolerance, so a delivery spread over two orders completes the first before it
     * over-delivers on it.
     */
    public static Result allocate(List<OpenLine> lines, BigDecimal quantity) {
        BigDecimal left = quantity;
        BigDecimal[] taken = new BigDecimal[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            OpenLine l = lines.get(i);
            BigDecimal remainder = l.ordered().subtract(l.received()).max(BigDecimal.ZERO);
            taken[i] = left.min(remainder);
            left = left.subtract(taken[i]);
        }
        for (int i = 0; i < lines.size() && left.signum() > 0; i++) {
            BigDecimal more = left.min(lines.get(i).capacity().subtract(taken[i]).max(BigDecimal.ZERO));
            taken[i] = taken[i].add(more);
            left = left.subtract(more);
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (taken[i].signum() > 0) {
                shares.add(new Share(lines.get(i), taken[i]));
            }
        }
        return new Result(shares, left);
    }
}
