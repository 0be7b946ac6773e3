package io.stocksense.edge.codec.mettler;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.FrameText;
import io.stocksense.edge.codec.WeightUnits;
import io.stocksense.protocol.reading.WeightReading;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Mettler Toledo MT-SICS replies ({@code mt-sics}) → {@link WeightReading}s in grams.
 *
 * <p>{@code S S} is a stable weight, {@code S D} a dynamic (unstable) one. Every other reply becomes
 * a rejection whose reason says what the balance meant: {@code S I} not executable, {@code S +}
 * overload, {@code S -} underload, {@code ES}/{@code ET}/{@code EL} syntax/transmission/logic error.
 * <b>Decision:</b> overload and underload are rejections, not readings with a flag, because the
 * canonical {@link WeightReading} has no such flag and any number we put in it would be a fake
 * weight; the rejection is kept as a dead letter (a bounded table) and counted in the decode-error
 * metric, where an overloaded scale shows up. MT-SICS replies carry no device time. Pure, stateless.
 */
public final class MtSicsCodec implements DeviceCodec {

    @Override
    public String name() {
        return "mt-sics";
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        return FrameText.eachLine(payload, "empty MT-SICS payload", "not MT-SICS text (line noise or a wrong baud rate?)",
                (line, out) -> {
                    MtSicsFrameDecoder.Parsed p = MtSicsFrameDecoder.decode(new String(line, StandardCharsets.US_ASCII));
                    String why = p.error() != null ? p.error() : meaningOfNonWeight(p.reply());
                    if (why != null) {
                        return why;
                    }
                    BigDecimal grams = WeightUnits.toGrams(p.reply().value(), p.reply().unit());
                    if (grams == null) {
                        return "unknown weight unit '" + p.reply().unit() + "'; known: " + WeightUnits.known();
                    }
                    out.add(new WeightReading(deviceId, null, grams, "S".equals(p.reply().status())));
                    return null;
                });
    }

    /** Null for a weight reply; otherwise what the balance meant. */
    private static String meaningOfNonWeight(MtSicsReply r) {
        if (r.hasWeight()) {
            return null;
        }
        switch (r.id()) {
            case "ES":
                return "ES: syntax error, the balance did not recognise the command";
            case "ET":
                return "ET: transmission error, the balance received a garbled command (check baud rate and parity)";
            case "EL":
                return "EL: logic error, the balance cannot execute the command";
            default:
                break;
        }
        switch (r.status()) {
            case "I":
                return "S I: command not executable, the balance is busy (taring, zeroing) or the weight did not settle";
            case "+":
                return "S +: overload, the load is above the weighing range";
            case "-":
                return "S -: underload, the load is below the weighing range (is the pan in place?)";
            default:
                return "S L: logic error, the command cannot be executed with these parameters";
        }
    }
}
