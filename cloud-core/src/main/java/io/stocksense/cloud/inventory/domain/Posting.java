package io.stocksense.cloud.inventory.domain;

import io.stocksense.protocol.event.MovementLine;
import io.stocksense.protocol.event.StockMovement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ledger row to write: a signed change of stock of one SKU × location × lot, caused by a device
 * event. {@code lot} is {@code ""} when the goods have none (the key column cannot be null).
 */
public record Posting(String eventId, int lineNo, String sku, String warehouse, String location, String lot,
                      BigDecimal quantity, String unit, List<String> epcs) {

    public Posting {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        lot = lot == null ? "" : lot;
        epcs = epcs == null ? List.of() : List.copyOf(epcs);
    }

    /** The postings of a movement, one per line, signed by the movement type. */
    public static List<Posting> of(StockMovement m) {
        List<Posting> out = new ArrayList<>(m.lines().size());
        for (int i = 0; i < m.lines().size(); i++) {
            MovementLine line = m.lines().get(i);
            out.add(new Posting(m.eventId(), i, line.sku(), m.warehouse(), m.location(), line.lot(),
                    m.signedQuantity(line), line.unit(), line.epcs()));
        }
        return out;
    }
}
