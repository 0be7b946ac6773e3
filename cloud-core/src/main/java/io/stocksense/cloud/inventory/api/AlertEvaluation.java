package io.stocksense.cloud.inventory.api;

/**
 * What one evaluation of stock conditions did: {@code conditions} found (each has one open alert
 * afterwards), of which {@code raised} were new, and {@code resolved} alerts whose condition cleared.
 */
public record AlertEvaluation(int scopes, int conditions, int raised, int resolved) {
}
