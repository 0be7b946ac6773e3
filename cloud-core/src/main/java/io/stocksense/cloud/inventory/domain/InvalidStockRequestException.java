package io.stocksense.cloud.inventory.domain;

/** A stock request names something that does not exist or breaks a rule of its own (HTTP 400). */
public final class InvalidStockRequestException extends RuntimeException {

    public InvalidStockRequestException(String message) {
        super(message);
    }
}
