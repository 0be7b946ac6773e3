package io.stocksense.protocol.epc;

/**
 * The outcome of decoding an EPC: either an identity, or the reason it has none. Unencoded factory
 * EPCs ({@code E2…}) and unknown headers are {@link Kind#UNRESOLVED}: valid tags that must be kept as
 * unresolved reads and never mapped to a product by guesswork. Malformed input (not hex, wrong
 * length for its header, bad partition) is {@link Kind#INVALID}.
 */
public record EpcDecodeResult(EpcIdentity identity, Kind kind, String reason) {

    public enum Kind { DECODED, UNRESOLVED, INVALID }

    public static EpcDecodeResult decoded(EpcIdentity identity) {
        return new EpcDecodeResult(identity, Kind.DECODED, null);
    }

    public static EpcDecodeResult unresolved(String reason) {
        return new EpcDecodeResult(null, Kind.UNRESOLVED, reason);
    }

    public static EpcDecodeResult invalid(String reason) {
        return new EpcDecodeResult(null, Kind.INVALID, reason);
    }

    public boolean isDecoded() {
        return kind == Kind.DECODED;
    }
}
