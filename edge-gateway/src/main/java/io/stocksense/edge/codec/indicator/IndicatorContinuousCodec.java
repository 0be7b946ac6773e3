package io.stocksense.edge.codec.indicator;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.FrameText;
import io.stocksense.edge.codec.WeightUnits;
import io.stocksense.protocol.reading.Reading;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The continuous output of many weighing indicators ({@code indicator-continuous}), one line per
 * weighing, e.g. {@code ST,GS,+  4.876kg}:
 * <pre>
 *   ST|US|OL|UL  ,  GS|NT  ,  sign  weight  [,]  unit
 *   stability       gross/net                   comma before the unit on some models
 * </pre>
 * ST is stable, US unstable; OL overload and UL underload carry no usable weight (the field often
 * holds dashes) and become rejections, never a fake weight. GS and NT both map to the weight shown;
 * the tare is the indicator's business. A missing sign means positive. 7E1 framing is the serial
 * adapter's {@code dataBits}/{@code parity} options; a 7E1 device read as 8N1 shows up here as
 * non-ASCII bytes, rejected with a hex excerpt. No device time. Pure, stateless.
 */
public final class IndicatorContinuousCodec implements DeviceCodec {

    private static final Pattern FRAME = Pattern.compile("(ST|US|OL|UL),(GS|NT),(.*)");
    private static final Pattern WEIGHT = Pattern.compile(" *([+-])? *(\\d+(?:\\.\\d+)?|\\.\\d+) *,? *([A-Za-z]+) *");

    @Override
    public String name() {
        return "indicator-continuous";
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        return FrameText.eachLine(payload, "empty indicator payload", null, (line, out) -> decodeLine(deviceId, line, out));
    }

    /** Adds the line's reading, or returns why there is none. */
    private static String decodeLine(String deviceId, byte[] line, List<Reading> readings) {
        if (!FrameText.isPrintableAscii(line)) {
            return "not indicator text (line noise, or 7E1 output read as 8N1?)";
        }
        Matcher frame = FRAME.matcher(new String(line, StandardCharsets.US_ASCII).strip());
        if (!frame.matches()) {
            return "not an indicator line: expected 'ST|US|OL|UL,GS|NT,<sign><weight><unit>'";
        }
        if (frame.group(1).equals("OL")) {
            return "OL: overload, the load is above the indicator's range";
        }
        if (frame.group(1).equals("UL")) {
            return "UL: underload, the load is below the indicator's range";
        }
        Matcher w = WEIGHT.matcher(frame.group(3));
        if (!w.matches()) {
            return "weight field '" + frame.group(3).strip() + "' is not <sign><number><unit>";
        }
        BigDecimal value = new BigDecimal(w.group(2));
        BigDecimal grams = WeightUnits.toGrams("-".equals(w.group(1)) ? value.negate() : value, w.group(3));
        if (grams == null) {
            return "unknown weight unit '" + w.group(3) + "'; known: " + WeightUnits.known();
        }
        readings.add(new WeightReading(deviceId, null, grams, frame.group(1).equals("ST")));
        return null;
    }
}
