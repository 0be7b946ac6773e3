package io.stocksense.protocol.epc;

/**
 * SSCC-96: a logistic unit (pallet).
 *
 * @param sscc18 the 18-digit SSCC with its check digit
 */
public record Sscc(String hex, int filter, int partition, String companyPrefix, String serialReference,
                   String sscc18, String uri) implements EpcIdentity {
}
