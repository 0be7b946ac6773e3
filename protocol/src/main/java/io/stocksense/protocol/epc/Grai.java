package io.stocksense.protocol.epc;

/** GRAI-96: a returnable asset (crate, roll cage). */
public record Grai(String hex, int filter, int partition, String companyPrefix, String assetType, long serial,
                   String uri) implements EpcIdentity {
}
