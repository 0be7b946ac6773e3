package io.stocksense.sim.serial;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A simulated scale on one end of a serial line (in tests, a pty made by {@code socat}): it holds a
 * weight and a stable flag that a test sets, and speaks one vendor format on its own thread. When the
 * line goes away (socat killed, the "cable" pulled) the thread ends quietly; a test that plugs the
 * scale back in starts a new simulator on the new pty.
 *
 * <p>Thread-safe: setters and {@link #sendGarbage} may be called from any thread; writes to the port
 * are serialised, so injected garbage never lands inside a frame.
 */
public abstract class SerialScaleSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialScaleSimulator.class);
    protected static final int READ_TIMEOUT_MS = 100;

    private final Path path;
    private final Object writeLock = new Object();
    private final Thread thread;
    private SerialPort port;
    private volatile BigDecimal grams = BigDecimal.ZERO;
    private volatile boolean stable = true;
    private volatile boolean running = true;

    protected SerialScaleSimulator(Path path, String name) {
        this.path = Objects.requireNonNull(path, "path");
        this.thread = new Thread(this::runQuietly, name + "-" + path.getFileName());
        thread.setDaemon(true);
    }

    /** Opens the port (9600 8N1) and starts speaking. */
    public SerialScaleSimulator start() {
        port = SerialPort.getCommPort(path.toString());
        port.setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, READ_TIMEOUT_MS, 1000);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        thread.start();
        return this;
    }

    public void setWeightGrams(BigDecimal grams) {
        this.grams = Objects.requireNonNull(grams, "grams");
    }

    public void setStable(boolean stable) {
        this.stable = stable;
    }

    public BigDecimal weightGrams() {
        return grams;
    }

    public boolean stable() {
        return stable;
    }

    /** Writes raw bytes between two frames: line noise, a wrong baud rate, a half-plugged connector. */
    public void sendGarbage(byte[] bytes) {
        write(bytes);
    }

    /** The vendor protocol; returns when the line is gone or the simulator is closed. */
    protected abstract void speak() throws LineGoneException;

    protected boolean running() {
        return running;
    }

    protected void write(byte[] bytes) {
        synchronized (writeLock) {
            if (port.writeBytes(bytes, bytes.length) != bytes.length) {
                running = false;
            }
        }
    }

    /** Reads what is there within the read timeout (0 bytes when nothing came). */
    protected int read(byte[] buf) throws LineGoneException {
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            throw new LineGoneException();
        }
        return n;
    }

    private void runQuietly() {
        try {
            speak();
        } catch (LineGoneException e) {
            LOG.debug("simulated scale on {}: line gone", path);
        } finally {
            running = false;
            port.closePort();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The other end of the line went away. */
    protected static final class LineGoneException extends Exception {
        LineGoneException() {
            super("serial line gone");
        }
    }
}
