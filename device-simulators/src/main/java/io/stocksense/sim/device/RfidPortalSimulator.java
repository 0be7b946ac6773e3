package io.stocksense.sim.device;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.PortalSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * An RFID dock-door portal: a reader with an outer (yard side) and an inner (warehouse side) antenna,
 * publishing one MQTT message per tag report on the device's address in the device's codec
 * ({@code zebra-iotc} or {@code impinj-iotdi}).
 *
 * <p>A pass reads every tag 2-4 times on the first antenna, then 2-4 times on the second, in a
 * shuffled order with a few milliseconds between reports, so no tag is ever seen on the second
 * antenna before the first and the pass never pauses for anything near the quiet period. Direction
 * is what the gateway derives from that order: first outer = receipt, first inner = dispatch.
 *
 * <p>Not thread-safe: one simulation thread drives it. Randomness comes only from the given
 * {@link Random}, time only from the {@link SimClock}.
 */
public final class RfidPortalSimulator {

    /** Which way the goods move through the door. */
    public enum Direction { INBOUND, OUTBOUND }

    private static final PortalSettings DEFAULT_PORTAL = new PortalSettings(1, 2, Duration.ofSeconds(2), null);

    private final Device device;
    private final PortalSettings portal;
    private final TagEventFormat format;
    private final MessageSink sink;
    private final SimClock clock;
    private final Random random;
    private final Duration readGap;
    private long eventNum;
    private long messagesSent;
    private Instant lastReadAt;

    /** @throws IllegalArgumentException when the device is no RFID portal or its codec is unknown */
    public RfidPortalSimulator(Device device, MessageSink sink, SimClock clock, Random random) {
        if (device.family() != DeviceFamily.RFID_PORTAL) {
            throw new IllegalArgumentException("device " + device.id() + " is a " + device.family().yamlName() + ", not an rfid-portal");
        }
        this.device = device;
        this.portal = device.portal() == null ? DEFAULT_PORTAL : device.portal();
        this.format = TagEventFormat.forDevice(device);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        Duration quiet = quietPeriod();
        // a pass must never look quiet to the gateway half-way through
        Duration gap = quiet.dividedBy(20);
        this.readGap = gap.compareTo(Duration.ofMillis(10)) > 0 ? Duration.ofMillis(10) : gap;
    }

    public Device device() {
        return device;
    }

    public Duration quietPeriod() {
        return portal.quietPeriod() == null ? DEFAULT_PORTAL.quietPeriod() : portal.quietPeriod();
    }

    public int outerAntenna() {
        return portal.outerAntenna();
    }

    public int innerAntenna() {
        return portal.innerAntenna();
    }

    /** Goods coming in from the yard: every tag is seen on the outer antenna first. */
    public void receive(List<String> epcHexes) {
        pass(epcHexes, Direction.INBOUND);
    }

    /** Goods leaving the warehouse: every tag is seen on the inner antenna first. */
    public void dispatch(List<String> epcHexes) {
        pass(epcHexes, Direction.OUTBOUND);
    }

    /** One pass of the given tags (case EPCs, and a pallet SSCC if any) through the door. */
    public void pass(List<String> epcHexes, Direction direction) {
        boolean in = direction == Direction.INBOUND;
        readAll(epcHexes, in ? outerAntenna() : innerAntenna());
        readAll(epcHexes, in ? innerAntenna() : outerAntenna());
    }

    /**
     * Reads that leak over from a pass at a neighbouring door: each tag once or twice on this reader's
     * inner antenna, 6-12 dB weaker than a pass read here would be (−66…−72 dBm, above a usual
     * {@code minRssiDbm} of −75, so the gateway must settle them by comparing both portals' RSSI).
     */
    public void crossRead(List<String> epcHexes) {
        List<String> reads = new ArrayList<>();
        for (String epc : epcHexes) {
            reads.add(epc);
            if (random.nextBoolean()) {
                reads.add(epc);
            }
        }
        Collections.shuffle(reads, random);
        for (String epc : reads) {
            report(epc, innerAntenna(), -66 - random.nextInt(7));
            clock.sleep(readGap);
        }
    }

    /**
     * Tags lying in the staging area within the reader's field: each read once on a random antenna of
     * this portal at −80…−89 dBm, below a usual {@code minRssiDbm}, so the gateway filters them out.
     */
    public void strayReads(List<String> epcHexes) {
        for (String epc : epcHexes) {
            report(epc, random.nextBoolean() ? outerAntenna() : innerAntenna(), -80 - random.nextInt(10));
            clock.sleep(readGap);
        }
    }

    private void readAll(List<String> epcHexes, int antenna) {
        List<String> reads = new ArrayList<>();
        for (String epc : epcHexes) {
            int times = 2 + random.nextInt(3);
            for (int i = 0; i < times; i++) {
                reads.add(epc);
            }
        }
        Collections.shuffle(reads, random);
        for (String epc : reads) {
            report(epc, antenna, -50 - random.nextInt(16));
            clock.sleep(readGap);
        }
    }

    private void report(String epcHex, int antenna, int rssiDbm) {
        Instant now = clock.now();
        int reads = 1 + random.nextInt(3);
        eventNum++;
        byte[] payload = format.encode(this, now, antenna, epcHex, rssiDbm, reads);
        sink.publish(device.address(), payload);
        messagesSent++;
        lastReadAt = now;
    }

    /** Reports published so far. */
    public long messagesSent() {
        return messagesSent;
    }

    /** When the last tag report went out, or null before the first. */
    public Instant lastReadAt() {
        return lastReadAt;
    }

    /** The vendor formats a portal can speak; chosen by the device's codec name. */
    private enum TagEventFormat {
        ZEBRA_IOTC {
            @Override
            byte[] encode(RfidPortalSimulator s, Instant t, int antenna, String epc, int rssi, int reads) {
                return Payloads.zebraTagEvent("PORTAL", t, s.mac(), antenna, s.eventNum, epc, rssi, reads);
            }
        },
        IMPINJ_IOTDI {
            @Override
            byte[] encode(RfidPortalSimulator s, Instant t, int antenna, String epc, int rssi, int reads) {
                // R700 reports RSSI in quarter-dB steps as centi-dBm; FCC hop table 902.75 + k*0.5 MHz
                int cdbm = rssi * 100 - 25 * s.random.nextInt(4);
                int frequencyKhz = 902_750 + 500 * s.random.nextInt(50);
                return Payloads.impinjTagInventory(t, s.hostname(), antenna, epc, cdbm, frequencyKhz, 3000);
            }
        };

        abstract byte[] encode(RfidPortalSimulator s, Instant t, int antenna, String epc, int rssi, int reads);

        static TagEventFormat forDevice(Device device) {
            String codec = device.codec() == null ? "" : device.codec();
            switch (codec) {
                case "zebra-iotc":
                    return ZEBRA_IOTC;
                case "impinj-iotdi":
                    return IMPINJ_IOTDI;
                default:
                    throw new IllegalArgumentException("device " + device.id() + ": portal codec '" + codec
                            + "' is not simulated (use zebra-iotc or impinj-iotdi)");
            }
        }
    }

    /** The reader's MAC: the device option {@code mac}, else a stable one derived from the device id. */
    String mac() {
        String mac = device.options().get("mac");
        if (mac != null) {
            return mac;
        }
        byte[] b = idBytes();
        return String.format(Locale.ROOT, "C4:7D:CC:%02X:%02X:%02X", b[0], b[1], b[2]);
    }

    /** The R700's hostname: the device option {@code hostname}, else {@code impinj-xx-xx-xx} from the id. */
    String hostname() {
        String host = device.options().get("hostname");
        if (host != null) {
            return host;
        }
        return "impinj-" + HexFormat.ofDelimiter("-").formatHex(idBytes());
    }

    private byte[] idBytes() {
        int h = device.id().hashCode();
        return new byte[] {(byte) (h >>> 16), (byte) (h >>> 8), (byte) h};
    }
}
