package io.stocksense.edge.adapter.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.stocksense.config.Device;
import io.stocksense.edge.adapter.ReadingSink;
import io.stocksense.edge.adapter.mqtt.Backoff;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.FrameText;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads one serial device on its own thread with blocking reads (never an event loop): open the port,
 * read, cut frames, decode, hand to the sink; in poll mode also send the poll command on schedule.
 *
 * <p>Unplug/replug: any read or write error, or the port path disappearing or pointing at another
 * device node (a by-id link removed, a pty pair restarted), closes the port and makes the device
 * OFFLINE with {@code COMMUNICATION_ERROR} and the reason; the port is reopened with backoff and
 * jitter until it is back, then the device is ONLINE again. The port is reopened by its path each
 * time, so a by-id link that now points at a new node is followed.
 *
 * <p>A serial device cannot resend: when the sink cannot store a frame's events, the frame is logged
 * and lost (a streaming or polled scale repeats its weight anyway).
 */
final class SerialPortReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialPortReader.class);
    static final int MAX_FRAME = 256;
    private static final int READ_TIMEOUT_MS = 250;
    private static final Duration BACKOFF_INITIAL = Duration.ofMillis(250);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(10);

    private final Device device;
    private final DeviceCodec codec;
    private final SerialOptions options;
    private final DeviceStatusBoard status;
    private final ReadingSink sink;
    private final Clock clock;
    private final Path path;
    private final Backoff backoff = new Backoff(BACKOFF_INITIAL, BACKOFF_MAX);
    private final Thread thread;
    private volatile boolean running = true;

    SerialPortReader(Device device, DeviceCodec codec, SerialOptions options, DeviceStatusBoard status, ReadingSink sink,
                     Clock clock) {
        this.device = device;
        this.codec = codec;
        this.options = options;
        this.status = status;
        this.sink = sink;
        this.clock = clock;
        this.path = Path.of(device.address());
        this.thread = new Thread(this, "serial-" + device.id());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the thread (it closes its port); waits briefly. Never throws. */
    void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(READ_TIMEOUT_MS * 8L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (running) {
            String failure;
            SerialPort port = null;
            try {
                port = open();
                backoff.reset();
                status.online(device.id());
                LOG.info("serial device {} online on {}", device.id(), path);
                failure = readUntilFailure(port);
            } catch (PortException e) {
                failure = e.getMessage();
            } finally {
                if (port != null) {
                    port.closePort();
                }
            }
            if (running) {
                status.offline(device.id(), DeviceStatus.Reason.COMMUNICATION_ERROR, failure);
                LOG.debug("serial device {}: {}", device.id(), failure);
                pause(backoff.next());
            }
        }
    }

    private SerialPort open() throws PortException {
        if (!Files.exists(path)) {
            throw new PortException("port " + path + " does not exist (unplugged?)");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new PortException("port " + path + " is not a serial port: " + e.getMessage());
        }
        port.setComPortParameters(options.baud(), options.dataBits(),
                options.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity());
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                readTimeoutMillis(), 1000);
        if (!port.openPort()) {
            throw new PortException("cannot open " + path + " (error " + port.getLastErrorCode() + ": busy or no permission?)");
        }
        return port;
    }

    private String readUntilFailure(SerialPort port) {
        Path node = realPath();
        SerialFramer framer = new SerialFramer(options.framing(), options.checksum(), MAX_FRAME);
        byte[] buf = new byte[MAX_FRAME];
        byte[] poll = (options.pollCommand() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long nextPoll = System.nanoTime();
        while (running) {
            if (options.mode() == SerialOptions.Mode.POLL && System.nanoTime() - nextPoll >= 0) {
                if (port.writeBytes(poll, poll.length) != poll.length) {
                    return "writing the poll command to " + path + " failed (error " + port.getLastErrorCode() + ")";
                }
                nextPoll = System.nanoTime() + options.pollInterval().toNanos();
            }
            int n = port.readBytes(buf, buf.length);
            if (n < 0) {
                return "reading " + path + " failed (error " + port.getLastErrorCode() + "): unplugged?";
            }
            if (n == 0 && (node == null || !node.equals(realPath()))) {
                return "port " + path + " vanished";
            }
            for (SerialFramer.Chunk chunk : framer.feed(buf, n)) {
                deliver(chunk);
            }
        }
        return "closed";
    }

    private void deliver(SerialFramer.Chunk chunk) {
        Instant receivedAt = clock.instant();
        DecodeResult result = chunk.problem() == null ? decode(chunk.bytes(), receivedAt)
                : new DecodeResult(List.of(), List.of(FrameText.reject(chunk.problem(), chunk.bytes())));
        try {
            sink.accept(device, codec.name(), chunk.bytes(), result, receivedAt);
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("serial device {}: a frame could not be stored and is lost: {}", device.id(), e.toString());
            } else {
                LOG.debug("serial device {}: frame dropped while closing: {}", device.id(), e.toString());
            }
        }
    }

    private DecodeResult decode(byte[] frame, Instant receivedAt) {
        try {
            // A serial line has no topic; the device is passed so option-driven codecs (generic-json) work here too.
            return codec.decode(device, null, frame, receivedAt);
        } catch (RuntimeException e) {
            // A codec must not throw; if one does, the frame is still kept as a dead letter.
            LOG.warn("codec {} threw on a frame of {}: {}", codec.name(), device.id(), e.toString());
            return new DecodeResult(List.of(), List.of(FrameText.reject("codec " + codec.name() + " failed: " + e, frame)));
        }
    }

    /** The device node the path resolves to now, or null when it does not exist. */
    private Path realPath() {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private int parity() {
        switch (options.parity()) {
            case EVEN:
                return SerialPort.EVEN_PARITY;
            case ODD:
                return SerialPort.ODD_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }

    /** Short enough that a poll is never late by more than a fraction of its interval. */
    private int readTimeoutMillis() {
        long poll = options.mode() == SerialOptions.Mode.POLL ? options.pollInterval().toMillis() : READ_TIMEOUT_MS;
        return (int) Math.max(10, Math.min(READ_TIMEOUT_MS, poll));
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static final class PortException extends Exception {
        PortException(String message) {
            super(message);
        }
    }
}
