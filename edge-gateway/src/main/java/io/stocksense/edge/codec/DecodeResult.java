package io.stocksense.edge.codec;

import io.stocksense.protocol.reading.Reading;

import java.util.List;

/**
 * What one payload decoded to: the readings that could be read, why the rest could not, and which
 * well-formed parts carried nothing to read (a reader's status event, a notification without values),
 * each with why it was passed over, so no input ends without an account of it.
 */
public record DecodeResult(List<Reading> readings, List<Rejection> rejections, List<String> ignored) {

    public DecodeResult {
        readings = readings == null ? List.of() : List.copyOf(readings);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
    }

    public DecodeResult(List<Reading> readings, List<Rejection> rejections) {
        this(readings, rejections, List.of());
    }

    public static DecodeResult rejected(String reason, byte[] payload) {
        return new DecodeResult(List.of(), List.of(Rejection.of(reason, payload)));
    }

    /** A well-formed payload that carries nothing this codec reads, and why. */
    public static DecodeResult nothingToRead(String why) {
        return new DecodeResult(List.of(), List.of(), List.of(why));
    }

    /** Whether this result says anything about its payload: a reading, a rejection or a reason to ignore it. */
    public boolean accountsForInput() {
        return !readings.isEmpty() || !rejections.isEmpty() || !ignored.isEmpty();
    }
}
