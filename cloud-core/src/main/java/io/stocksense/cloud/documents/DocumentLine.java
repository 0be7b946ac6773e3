package io.stocksense.cloud.documents;

import java.math.BigDecimal;

/** A quantity against one line of a document (receipts, returns, shipments): {@code {"line": 1, "quantity": 5}}. */
public record DocumentLine(int line, BigDecimal quantity) {
}
