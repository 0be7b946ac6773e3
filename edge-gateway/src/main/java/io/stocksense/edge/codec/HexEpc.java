package io.stocksense.edge.codec;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks EPC hex as readers report it: whole 16-bit words of hex digits (EPC memory is word-sized). */
public final class HexEpc {

    private static final Pattern HEX_WORDS = Pattern.compile("([0-9A-Fa-f]{4}){1,31}");

    private HexEpc() {
    }

    /** Upper-case hex, or null when the value is not whole words of hex digits. */
    public static String normalize(String hex) {
        if (hex == null) {
            return null;
        }
        String trimmed = hex.trim();
        return HEX_WORDS.matcher(trimmed).matches() ? trimmed.toUpperCase(Locale.ROOT) : null;
    }
}
