package io.stocksense.cloud.catalog.domain;

/** The request contradicts stored data (duplicate key, record still in use); answered with 409. */
public final class MasterDataConflictException extends RuntimeException {

    public MasterDataConflictException(String message) {
        super(message);
    }
}
