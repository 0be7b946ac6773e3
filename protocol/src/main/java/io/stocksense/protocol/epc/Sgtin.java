package io.stocksense.protocol.epc;

/**
 * SGTIN-96: a serialized trade item.
 *
 * @param companyPrefix  the GS1 company prefix digits, zero-padded to the partition's length
 * @param itemReference  the item reference digits including the indicator digit first
 * @param gtin14         the GTIN-14 with its check digit
 */
public record Sgtin(String hex, int filter, int partition, String companyPrefix, String itemReference, long serial,
                    String gtin14, String uri) implements EpcIdentity {
}
