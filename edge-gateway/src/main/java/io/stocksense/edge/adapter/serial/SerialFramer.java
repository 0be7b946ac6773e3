package io.stocksense.edge.adapter.serial;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the byte stream of a serial port into frames for the codec. Pure; one per port, fed by its
 * reader thread only (not thread-safe).
 *
 * <p>{@code crlf}: a frame is the bytes up to CR and/or LF (the terminator dropped, empty lines
 * skipped). {@code stx-cr}: a frame is STX … CR plus, when configured, the one checksum byte after
 * the CR; bytes outside a frame are noise.
 *
 * <p>Memory is bounded: no frame (and no run of noise) grows beyond {@code maxLength} bytes. A line
 * without a terminator is cut there and handed out as a problem chunk (rejected, not decoded), and
 * so is the rest of that line up to its terminator; a frame interrupted by a new STX is a problem
 * chunk too, so the stream resynchronises at the next STX.
 */
final class SerialFramer {

    static final int STX = 0x02;
    static final int CR = 0x0d;
    static final int LF = 0x0a;

    /** A frame for the codec ({@code problem} null) or bytes to reject with {@code problem} as reason. */
    record Chunk(byte[] bytes, String problem) {
    }

    private enum State { OUTSIDE, IN_FRAME, AWAIT_CHECKSUM }

    private final SerialOptions.Framing framing;
    private final boolean checksum;
    private final int maxLength;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private State state = State.OUTSIDE;
    private boolean cutLine;

    SerialFramer(SerialOptions.Framing framing, boolean checksum, int maxLength) {
        this.framing = framing;
        this.checksum = checksum;
        this.maxLength = maxLength;
    }

    List<Chunk> feed(byte[] bytes, int length) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            if (framing == SerialOptions.Framing.CRLF) {
                line(bytes[i], out);
            } else {
                stxCr(bytes[i], out);
            }
        }
        return out;
    }

    private void line(byte b, List<Chunk> out) {
        if (b == CR || b == LF) {
            if (buffer.size() > 0) {
                emit(out, cutLine ? "rest of a line longer than " + maxLength + " bytes" : null);
            }
            cutLine = false;
            return;
        }
        buffer.write(b);
        if (buffer.size() >= maxLength) {
            emit(out, "no line end within " + maxLength + " bytes (runaway line, wrong framing or baud rate)");
            cutLine = true;
        }
    }

    private void stxCr(byte b, List<Chunk> out) {
        if (b == STX && state != State.AWAIT_CHECKSUM) {
            if (buffer.size() > 0) {
                emit(out, state == State.OUTSIDE ? "bytes outside an STX…CR frame (noise or wrong baud rate)"
                        : "frame interrupted by a new STX before its CR");
            }
            buffer.write(b);
            state = State.IN_FRAME;
            return;
        }
        buffer.write(b);
        if (state == State.AWAIT_CHECKSUM) {
            emit(out, null);
        } else if (state == State.IN_FRAME && b == CR) {
            if (checksum) {
                state = State.AWAIT_CHECKSUM;
            } else {
                emit(out, null);
            }
        } else if (buffer.size() >= maxLength) {
            emit(out, state == State.OUTSIDE ? "no STX within " + maxLength + " bytes (noise or wrong baud rate)"
                    : "no CR within " + maxLength + " bytes of an STX");
        }
    }

    private void emit(List<Chunk> out, String problem) {
        out.add(new Chunk(buffer.toByteArray(), problem));
        buffer.reset();
        state = State.OUTSIDE;
    }
}
