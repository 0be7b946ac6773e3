package io.stocksense.sim.serial;

import java.io.ByteArrayOutputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Mettler Toledo balance answering MT-SICS commands (CR LF terminated) in grams with two decimals:
 * {@code SI} → {@code S S     100.00 g} or {@code S D …} when not stable; {@code S} → the stable
 * weight, or {@code S I} while the weight is not stable; {@code SIR} like {@code SI}, once; {@code Z}
 * → {@code Z A}; {@code @} → {@code I4 A "SIM00001"}; anything else → {@code ES}.
 */
public final class MtSicsScaleSimulator extends SerialScaleSimulator {

    public MtSicsScaleSimulator(Path path) {
        super(path, "mt-sics");
    }

    @Override
    protected void speak() throws LineGoneException {
        byte[] buf = new byte[64];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (running()) {
            int n = read(buf);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\r' || buf[i] == '\n') {
                    if (line.size() > 0) {
                        answer(line.toString(StandardCharsets.US_ASCII).trim());
                        line.reset();
                    }
                } else if (line.size() < 64) {
                    line.write(buf[i]);
                }
            }
        }
    }

    private void answer(String command) {
        String reply;
        switch (command) {
            case "SI":
            case "SIR":
                reply = weightReply(stable() ? "S" : "D");
                break;
            case "S":
                reply = stable() ? weightReply("S") : "S I";
                break;
            case "Z":
                reply = "Z A";
                break;
            case "@":
                reply = "I4 A \"SIM00001\"";
                break;
            default:
                reply = "ES";
        }
        write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code S S} + the value right-aligned in 10 characters + {@code  g}. */
    private String weightReply(String status) {
        return "S " + status + " " + String.format("%10s", weightGrams().setScale(2, RoundingMode.HALF_UP).toPlainString()) + " g";
    }
}
