package io.stocksense.cloud.catalog.domain;

/** No record with the requested key; answered with 404. */
public final class MasterDataNotFoundException extends RuntimeException {

    public MasterDataNotFoundException(String message) {
        super(message);
    }
}
