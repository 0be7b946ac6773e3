package io.stocksense.edge.codec;

import io.stocksense.protocol.reading.Reading;

import java.util.List;

/** What one payload decoded to: the readings that could be read, and why the rest could not. */
public record DecodeResult(List<Reading> readings, List<Rejection> rejections) {

    public DecodeResult {
        readings = readings == null ? List.of() : List.copyOf(readings);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    public static DecodeResult rejected(String reason, byte[] payload) {
        return new DecodeResult(List.of(), List.of(Rejection.of(reason, payload)));
    }
}
