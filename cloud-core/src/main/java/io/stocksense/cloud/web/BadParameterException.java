package io.stocksense.cloud.web;

/** A query or body parameter is missing or malformed; answered with a 400 problem naming it. */
public final class BadParameterException extends RuntimeException {

    public BadParameterException(String message) {
        super(message);
    }
}
