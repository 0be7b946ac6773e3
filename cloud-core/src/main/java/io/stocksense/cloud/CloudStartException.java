package io.stocksense.cloud;

/** cloud-core could not start; the message says what to fix (a port, a URL, a site file). */
public class CloudStartException extends RuntimeException {

    public CloudStartException(String message) {
        super(message);
    }

    public CloudStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
