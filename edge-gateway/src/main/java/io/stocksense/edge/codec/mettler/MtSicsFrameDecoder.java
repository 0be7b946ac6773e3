package io.stocksense.edge.codec.mettler;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one MT-SICS reply line (CR LF already removed) into an {@link MtSicsReply}. Pure.
 *
 * <p>Layout of a weight reply: {@code ID ␣ Status ␣ WeightValue ␣ Unit}, e.g.
 * {@code S S     100.00 g}: the identifier {@code S}, the status {@code S} (stable) or {@code D}
 * (dynamic), the value right-aligned in a 10-character field (a minus sign directly before the
 * digits), one space, the unit. A reply without a weight is {@code ID ␣ Status} ({@code S I},
 * {@code S +}, {@code S -}); a command the balance could not take is {@code ES}, {@code ET} or
 * {@code EL} alone. Some terminals and older firmware echo the command ({@code SI S …},
 * {@code SIR D …}); those identifiers are accepted as {@code S}.
 */
public final class MtSicsFrameDecoder {

    private static final Pattern WEIGHT = Pattern.compile("(S|SI|SIR) +([SD]) +([+-]? *\\d+(?:\\.\\d+)?) +([A-Za-z]+)");
    private static final Pattern STATUS_ONLY = Pattern.compile("(S|SI|SIR) +([I+\\-L])");
    private static final Pattern ERROR = Pattern.compile("E[STL]");

    /** A parsed reply, or why the line is not one. */
    public record Parsed(MtSicsReply reply, String error) {
        static Parsed ok(MtSicsReply r) {
            return new Parsed(r, null);
        }

        static Parsed error(String why) {
            return new Parsed(null, why);
        }
    }

    private MtSicsFrameDecoder() {
    }

    public static Parsed decode(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return Parsed.error("empty MT-SICS line");
        }
        Matcher m = WEIGHT.matcher(text);
        if (m.matches()) {
            BigDecimal value = new BigDecimal(m.group(3).replace(" ", "").replace("+", ""));
            return Parsed.ok(new MtSicsReply("S", m.group(2), value, m.group(4)));
        }
        m = STATUS_ONLY.matcher(text);
        if (m.matches()) {
            return Parsed.ok(new MtSicsReply("S", m.group(2), null, null));
        }
        if (ERROR.matcher(text).matches()) {
            return Parsed.ok(new MtSicsReply(text, null, null, null));
        }
        if (text.startsWith("S ") || text.startsWith("SI ")) {
            return Parsed.error("not an MT-SICS weight reply: expected 'S S|D <value> <unit>', 'S I', 'S +' or 'S -'");
        }
        return Parsed.error("not an MT-SICS reply to S/SI/SIR");
    }
}
