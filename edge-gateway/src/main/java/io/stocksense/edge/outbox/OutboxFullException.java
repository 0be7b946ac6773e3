package io.stocksense.edge.outbox;

/**
 * The outbox is at its limits and thinning telemetry freed too little: the events were NOT stored.
 * The caller must not acknowledge the device message, so the device (or its broker) keeps it.
 */
public final class OutboxFullException extends OutboxException {

    public OutboxFullException(String message) {
        super(message, null);
    }
}
