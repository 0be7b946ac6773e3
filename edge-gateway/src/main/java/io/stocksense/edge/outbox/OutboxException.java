package io.stocksense.edge.outbox;

/** The outbox database failed (disk full, file damaged). The operation did not happen. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
