package io.stocksense.cloud.inventory.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v1/transfers/{id}/receive} with a body: what arrived, per line; without a body every
 * line is received in full. A line of serialized items received in part names the {@code epcs} that arrived.
 */
public record TransferReceipt(List<Line> lines) {

    public TransferReceipt {
        lines = List.copyOf(lines);
    }

    public record Line(int line, BigDecimal quantity, List<String> epcs) {
        public Line {
            epcs = epcs == null ? List.of() : List.copyOf(epcs);
        }
    }
}
