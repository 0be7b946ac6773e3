package io.stocksense.cloud.standards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One stock-ledger row as the EPCIS export reads it: {@code quantity} is signed, {@code eventTime} is the
 * device time when the device gave one (else the posting time), {@code recordTime} when the cloud posted it.
 * {@code gtin} and {@code companyPrefixLength} come from the product master data and may be null.
 */
public record LedgerLine(String eventId, int lineNo, String sku, String gtin, Integer companyPrefixLength,
                         String warehouse, String location, String lot, BigDecimal quantity, String unit,
                         String movementType, String causeType, String causeRef, String deviceId,
                         Instant eventTime, Instant recordTime, List<String> epcs) {

    public LedgerLine {
        epcs = epcs == null ? List.of() : List.copyOf(epcs);
    }
}
