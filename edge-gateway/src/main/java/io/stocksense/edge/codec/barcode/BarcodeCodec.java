package io.stocksense.edge.codec.barcode;

import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.FrameText;
import io.stocksense.protocol.epc.Gtin;
import io.stocksense.protocol.reading.ScanRead;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Barcode scanner lines ({@code barcode}) → {@link ScanRead}s. One scan per line (the scanner's
 * CR/LF suffix), in one of two shapes:
 * <ul>
 *   <li>a plain GTIN-8/12/13/14 (EAN/UPC symbols), check digit verified, reported as GTIN-14;</li>
 *   <li>a GS1 element string (see {@link Gs1ElementString}) with AIs (01), (10), (17), (21).</li>
 * </ul>
 * A leading AIM symbology identifier ({@code ]C1} GS1-128, {@code ]d2} GS1 DataMatrix, {@code ]Q3}
 * GS1 QR, {@code ]e0} GS1 DataBar; {@code ]E0} EAN-13 etc.) is optional: with a GS1 identifier the
 * data is an element string; without one, a line that is only 8, 12, 13 or 14 digits is a plain GTIN
 * and anything else is read as an element string. A leading GS (FNC1 in first position, as some
 * scanners send it) is ignored. The date century rule uses the gateway's receive time. Pure.
 */
public final class BarcodeCodec implements DeviceCodec {

    private static final Set<String> GS1_SYMBOLOGIES = Set.of("]C1", "]d2", "]Q3", "]e0");
    private static final Set<Integer> GTIN_LENGTHS = Set.of(8, 12, 13, 14);

    @Override
    public String name() {
        return "barcode";
    }

    @Override
    public DecodeResult decode(String deviceId, byte[] payload, Instant receivedAt) {
        int year = receivedAt.atZone(ZoneOffset.UTC).getYear();
        return FrameText.eachLine(payload, "empty scan", "not scanner text (line noise or a wrong baud rate?)", (line, out) -> {
            String raw = new String(line, StandardCharsets.US_ASCII);
            Gs1ElementString.Fields f = read(raw, year);
            if (f.error() == null) {
                out.add(new ScanRead(deviceId, null, f.gtin14(), f.lot(), f.expiry(), f.serial(), raw));
            }
            return f.error();
        });
    }

    private static Gs1ElementString.Fields read(String raw, int year) {
        String data = raw.strip();
        boolean gs1 = false;
        if (data.length() >= 3 && data.charAt(0) == ']') {
            gs1 = GS1_SYMBOLOGIES.contains(data.substring(0, 3));
            data = data.substring(3);
        }
        while (!data.isEmpty() && data.charAt(0) == Gs1ElementString.GS) {
            data = data.substring(1);
        }
        if (data.isEmpty()) {
            return Gs1ElementString.Fields.error("empty scan");
        }
        if (!gs1 && GTIN_LENGTHS.contains(data.length()) && data.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return new Gs1ElementString.Fields(Gtin.normalizeToGtin14(data), null, null, null, null);
            } catch (IllegalArgumentException e) {
                return Gs1ElementString.Fields.error(e.getMessage());
            }
        }
        return Gs1ElementString.parse(data, year);
    }
}
