package io.stocksense.edge.codec;

import io.stocksense.protocol.reading.WeightReading;

import java.util.List;

/** Weight readings of a decode result as "grams stable" strings, for value assertions independent of scale. */
public final class Weights {

    private Weights() {
    }

    public static List<String> of(DecodeResult r) {
        return r.readings().stream().map(x -> (WeightReading) x)
                .map(w -> w.grams().stripTrailingZeros().toPlainString() + (w.stable() ? " stable" : " dynamic")).toList();
    }
}
