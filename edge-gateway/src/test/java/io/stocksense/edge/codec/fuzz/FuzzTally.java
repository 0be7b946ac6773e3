package io.stocksense.edge.codec.fuzz;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.health.GatewayMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzzed inputs of one codec came to. Rejections are counted through the gateway's own
 * {@link GatewayMetrics} (the counter behind {@code stocksense_edge_decode_errors_total}), keyed by the
 * codec name, and a sample of rejected payloads is kept for the dead-letter replay.
 */
final class FuzzTally {

    static final int SAMPLE = 20;

    final String codec;
    long inputs;
    long decoded;
    long rejected;
    long rejections;
    long ignored;
    final Map<String, Long> reasons = new TreeMap<>();
    final List<byte[]> rejectedSample = new ArrayList<>();

    FuzzTally(String codec) {
        this.codec = codec;
    }

    synchronized void record(byte[] payload, DecodeResult result, GatewayMetrics metrics) {
        inputs++;
        if (!result.readings().isEmpty()) {
            decoded++;
        }
        if (result.readings().isEmpty() && result.rejections().isEmpty() && !result.ignored().isEmpty()) {
            ignored++;
        }
        if (!result.rejections().isEmpty()) {
            rejected++;
            rejections += result.rejections().size();
            metrics.decodeErrors(codec, result.rejections().size());
            for (Rejection r : result.rejections()) {
                reasons.merge(shape(r.reason()), 1L, Long::sum);
            }
            if (result.readings().isEmpty() && rejectedSample.size() < SAMPLE) {
                rejectedSample.add(payload);
            }
        }
    }

    /** A reason with its numbers and quoted parts blanked, so reasons group by kind. */
    private static String shape(String reason) {
        String s = reason.replaceAll("'[^']*'", "'…'").replaceAll("-?\\d+(\\.\\d+)?", "N");
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }

    synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-22s %6d inputs: %6d decoded, %6d rejected (%d rejections, %d kinds of reason), %d ignored%n",
                codec, inputs, decoded, rejected, rejections, reasons.size(), ignored));
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .forEach(e -> sb.append(String.format("%28s %6d × %s%n", "", e.getValue(), e.getKey())));
        return sb.toString();
    }
}
