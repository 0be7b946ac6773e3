package io.stocksense.edge.adapter.serial;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SerialFramerTest {

    private static List<String> feed(SerialFramer framer, byte[]... parts) {
        List<String> out = new ArrayList<>();
        for (byte[] p : parts) {
            framer.feed(p, p.length).forEach(c -> out.add((c.problem() == null ? "" : "!" + c.problem() + "|")
                    + new String(c.bytes(), StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void crlfLinesAreCutAtCrOrLfAcrossReadsAndEmptyLinesAreSkipped() {
        SerialFramer f = new SerialFramer(SerialOptions.Framing.CRLF, false, 256);

        assertThat(feed(f, ascii("S S     100"), ascii(".00 g\r\nS D  "), ascii("   1.00 g\r\n\r\nA\rB\n")))
                .containsExactly("S S     100.00 g", "S D     1.00 g", "A", "B");
    }

    @Test
    void aRunawayLineIsCutAtMaxLengthAndItsRestRejectedMemoryStaysBounded() {
        SerialFramer f = new SerialFramer(SerialOptions.Framing.CRLF, false, 8);

        assertThat(feed(f, ascii("0123456789ABCDEFGHIJ\r\nS S 1 g\r\n"))).containsExactly(
                "!no line end within 8 bytes (runaway line, wrong framing or baud rate)|01234567",
                "!no line end within 8 bytes (runaway line, wrong framing or baud rate)|89ABCDEF",
                "!rest of a line longer than 8 bytes|GHIJ",
                "S S 1 g");
    }

    @Test
    void stxCrFramesTakeTheChecksumByteEvenWhenItLooksLikeStx() {
        SerialFramer f = new SerialFramer(SerialOptions.Framing.STX_CR, true, 256);

        assertThat(feed(f, ascii("\u0002abc\r"), ascii("\u0002\u0002de\rX"))).containsExactly(
                "\u0002abc\r\u0002", "\u0002de\rX");
    }

    @Test
    void stxCrNoiseBeforeStxAndAnInterruptedFrameAreProblemChunks() {
        SerialFramer f = new SerialFramer(SerialOptions.Framing.STX_CR, false, 256);

        assertThat(feed(f, ascii("\u00ff\u0013\u0002ab\u0002cd\r"))).containsExactly(
                "!bytes outside an STX…CR frame (noise or wrong baud rate)|\u00ff\u0013",
                "!frame interrupted by a new STX before its CR|\u0002ab",
                "\u0002cd\r");
    }

    @Test
    void stxCrNoiseWithoutStxIsCutAtMaxLength() {
        SerialFramer f = new SerialFramer(SerialOptions.Framing.STX_CR, false, 4);

        assertThat(feed(f, ascii("abcdefg\u0002x\r"))).containsExactly(
                "!no STX within 4 bytes (noise or wrong baud rate)|abcd",
                "!bytes outside an STX…CR frame (noise or wrong baud rate)|efg",
                "\u0002x\r");
    }
}
