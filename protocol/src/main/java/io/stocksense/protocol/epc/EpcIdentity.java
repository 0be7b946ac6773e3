package io.stocksense.protocol.epc;

/** A decoded GS1 EPC binary encoding. */
public sealed interface EpcIdentity permits Sgtin, Sscc, Grai {

    /** The EPC as upper-case hex, as read from the tag. */
    String hex();

    /** Filter value (3 bits). */
    int filter();

    /** Pure-identity URI, e.g. {@code urn:epc:id:sgtin:0614141.812345.6789}. */
    String uri();
}
