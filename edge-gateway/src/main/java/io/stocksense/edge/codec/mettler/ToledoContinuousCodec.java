package io.stocksense.edge.codec.mettler;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.FrameText;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.edge.codec.WeightUnits;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mettler Toledo standard continuous output ({@code toledo-continuous}) → {@link WeightReading}s.
 * Layout and status bits are documented in {@link ToledoFrameDecoder}. Stable means SWB's motion
 * bit is clear. Out of range (over capacity / under zero), zero not captured, custom units and a bad
 * checksum are rejections, never a weight. The serial adapter hands over one frame at a time; a
 * recorded stream (several frames, noise between them) is split here at each STX. Pure, stateless.
 */
public final class ToledoContinuousCodec implements DeviceCodec {

    @Override
    public String name() {
        return "toledo-continuous";
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (payload.length == 0) {
            rejections.add(FrameText.reject("empty Toledo payload", payload));
        }
        int i = 0;
        while (i < payload.length) {
            int end = frameEnd(payload, i);
            byte[] part = Arrays.copyOfRange(payload, i, end);
            if (payload[i] != ToledoFrameDecoder.STX) {
                rejections.add(FrameText.reject("bytes outside a Toledo frame (no STX)", part));
            } else {
                String why = decodeFrame(deviceId, part, readings);
                if (why != null) {
                    rejections.add(FrameText.reject(why, part));
                }
            }
            i = end;
        }
        return new DecodeResult(readings, rejections);
    }

    /**
     * Where the part starting at {@code from} ends. A frame is 17 bytes ending in CR; the byte after the
     * CR is its checksum unless it starts the next frame. A checksum that happens to be 0x02 is told
     * apart from the next STX by being the right checksum. Anything else runs to the next STX.
     */
    private static int frameEnd(byte[] p, int from) {
        int len = ToledoFrameDecoder.LENGTH;
        if (p[from] == ToledoFrameDecoder.STX && from + len <= p.length && p[from + len - 1] == ToledoFrameDecoder.CR) {
            int after = from + len;
            boolean hasChk = after < p.length && (p[after] != ToledoFrameDecoder.STX
                    || ToledoFrameDecoder.checksum(p, from, after) == ToledoFrameDecoder.STX);
            return hasChk ? after + 1 : after;
        }
        int next = from + 1;
        while (next < p.length && p[next] != ToledoFrameDecoder.STX) {
            next++;
        }
        return next;
    }

    private static String decodeFrame(String deviceId, byte[] frame, List<Reading> readings) {
        ToledoFrameDecoder.Parsed p = ToledoFrameDecoder.decode(frame);
        if (p.error() != null) {
            return p.error();
        }
        ToledoFrame f = p.frame();
        if (f.outOfRange()) {
            return "out of range: the load is over capacity or under zero";
        }
        if (f.notReady()) {
            return "not ready: zero was not captured at power-up";
        }
        BigDecimal grams = f.unit() == null ? null : WeightUnits.toGrams(f.weight(), f.unit());
        if (grams == null) {
            return "custom weight unit (SWC bits 0-2 = 7) cannot be converted to grams";
        }
        readings.add(new WeightReading(deviceId, null, grams, !f.motion()));
        return null;
    }
}
