package io.stocksense.edge.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Helpers for the line-oriented serial formats (scales, indicators, barcode scanners): splitting a
 * payload into lines and describing bytes that are not text. Pure.
 */
public final class FrameText {

    /** Decodes one line: adds what it reads to {@code readings} and returns null, or returns why it reads nothing. */
    @FunctionalInterface
    public interface LineDecoder {
        String decode(byte[] line, List<io.stocksense.protocol.reading.Reading> readings);
    }

    /**
     * Runs every line of a payload through one decoder, as the line-oriented codecs all do: an empty
     * payload is one rejection, a line that is not printable ASCII (line noise, a wrong baud rate) is
     * rejected with {@code noiseReason}, any other refused line with the decoder's reason.
     */
    public static DecodeResult eachLine(byte[] payload, String emptyReason, String noiseReason, LineDecoder decoder) {
        List<io.stocksense.protocol.reading.Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<byte[]> lines = lines(payload);
        if (lines.isEmpty()) {
            rejections.add(reject(emptyReason, payload));
        }
        for (byte[] line : lines) {
            String why = noiseReason != null && !isPrintableAscii(line) ? noiseReason : decoder.decode(line, readings);
            if (why != null) {
                rejections.add(reject(why, line));
            }
        }
        return new DecodeResult(readings, rejections);
    }

    private static final int HEX_EXCERPT_BYTES = 48;

    private FrameText() {
    }

    /**
     * The non-empty lines of a payload, split at CR and/or LF. The serial adapter hands a codec one
     * line at a time; a whole recorded file (the {@code decode} command, fixtures) is many lines.
     */
    public static List<byte[]> lines(byte[] payload) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= payload.length; i++) {
            if (i == payload.length || payload[i] == '\r' || payload[i] == '\n') {
                if (i > start) {
                    out.add(java.util.Arrays.copyOfRange(payload, start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Whether every byte is printable 7-bit ASCII (or the GS1 separator GS, 0x1D). */
    public static boolean isPrintableAscii(byte[] bytes) {
        for (byte b : bytes) {
            if ((b < 0x20 && b != 0x1d) || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rejection of one frame. Text frames keep a text excerpt; anything else (line noise, a wrong
     * baud rate, 8N1 read of a 7E1 device) is shown as hex, which is the only readable form of it.
     */
    public static Rejection reject(String reason, byte[] frame) {
        if (isPrintableAscii(frame)) {
            return Rejection.of(reason, new String(frame, StandardCharsets.US_ASCII));
        }
        return new Rejection(reason, hexExcerpt(frame));
    }

    /** {@code hex: 02 31 ff …}, at most {@value #HEX_EXCERPT_BYTES} bytes. */
    public static String hexExcerpt(byte[] bytes) {
        int n = Math.min(bytes.length, HEX_EXCERPT_BYTES);
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n);
        return "hex: " + hex + (bytes.length > n ? " ... (" + bytes.length + " bytes)" : "");
    }
}
