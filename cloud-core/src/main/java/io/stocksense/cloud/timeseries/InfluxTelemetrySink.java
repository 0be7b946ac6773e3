package io.stocksense.cloud.timeseries;

import io.stocksense.cloud.ingest.LiveEvent;
import io.stocksense.cloud.ingest.LiveListener;
import io.stocksense.cloud.telemetry.api.TelemetryView;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports environment telemetry to InfluxDB as it is ingested, through the InfluxDB 1.x Java client (the
 * {@code /write} API, which InfluxDB 1.x serves and 2.x keeps as its v1 compatibility API).
 *
 * <p>Each point is measurement = metric ({@code temperature}, {@code humidity}, ...), tags {@code warehouse},
 * {@code zone}, {@code device}, {@code unit}, field {@code value}, at the reading's time (ms).
 *
 * <p>Never in the way of ingest: {@link #committed} only offers points to a bounded buffer and returns. A writer
 * thread sends batches; when InfluxDB is unreachable or refuses a batch it keeps that batch and tries again with a
 * doubling delay (up to {@code maxRetryDelay}), while new points wait in the buffer. When the buffer is full, new
 * points are dropped and counted ({@link #dropped()}): PostgreSQL keeps every point regardless, this is an export.
 */
public final class InfluxTelemetrySink implements LiveListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxTelemetrySink.class);

    private final InfluxSettings settings;
    private final InfluxDB influx;
    private final BlockingQueue<Point> buffer;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean databaseEnsured;

    private InfluxTelemetrySink(InfluxSettings settings) {
        this.settings = settings;
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS);
        this.influx = settings.user() == null
                ? InfluxDBFactory.connect(settings.url(), http)
                : InfluxDBFactory.connect(settings.url(), settings.user(), settings.password(), http);
        this.buffer = new ArrayBlockingQueue<>(settings.bufferPoints());
        this.writer = new Thread(this::writeLoop, "influx-telemetry-sink");
        this.writer.setDaemon(true);
    }

    /** Starts the writer; InfluxDB need not be reachable yet. */
    public static InfluxTelemetrySink start(InfluxSettings settings) {
        InfluxTelemetrySink sink = new InfluxTelemetrySink(settings);
        sink.writer.start();
        LOG.info("exporting telemetry to InfluxDB: {}", settings);
        return sink;
    }

    @Override
    public void committed(List<LiveEvent> events) {
        for (LiveEvent e : events) {
            if (LiveEvent.TELEMETRY.equals(e.name()) && e.data() instanceof TelemetryView t) {
                offer(t);
            }
        }
    }

    /** Queues one reading; false (and counted as dropped) when the buffer is full. Never blocks. */
    public boolean offer(TelemetryView t) {
        Point.Builder p = Point.measurement(t.metric())
                .time(t.time().toEpochMilli(), TimeUnit.MILLISECONDS)
                .addField("value", t.value());
        tag(p, "warehouse", t.warehouse());
        tag(p, "zone", t.zone());
        tag(p, "device", t.deviceId());
        tag(p, "unit", t.unit());
        if (buffer.offer(p.build())) {
            return true;
        }
        if (dropped.incrementAndGet() % 10_000 == 1) {
            LOG.warn("InfluxDB export buffer full ({} points): dropping new points, {} so far", settings.bufferPoints(), dropped.get());
        }
        return false;
    }

    private static void tag(Point.Builder p, String name, String value) {
        if (value != null && !value.isEmpty()) {
            p.tag(name, value);
        }
    }

    private void writeLoop() {
        List<Point> batch = new ArrayList<>(settings.batchPoints());
        Duration delay = Duration.ZERO;
        while (running || !buffer.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Point first = buffer.poll(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    buffer.drainTo(batch, settings.batchPoints() - 1);
                }
                write(batch);
                written.addAndGet(batch.size());
                batch.clear();
                delay = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                failedWrites.incrementAndGet();
                if (e instanceof org.influxdb.InfluxDBException.DatabaseNotFoundException) {
                    databaseEnsured = false; // dropped (or never made): create it again before the retry
                }
                delay = delay.isZero() ? Duration.ofMillis(500) : min(delay.multipliedBy(2), settings.maxRetryDelay());
                LOG.warn("InfluxDB write of {} points failed ({}); retrying in {} ({} points waiting)", batch.size(),
                        e.toString(), delay, buffer.size());
                if (!pause(delay)) {
                    break;
                }
            }
        }
        if (!batch.isEmpty() || !buffer.isEmpty()) {
            LOG.warn("InfluxDB export stopped with {} points not written", batch.size() + buffer.size());
        }
    }

    private void write(List<Point> batch) {
        if (!databaseEnsured) {
            // CREATE DATABASE is idempotent in InfluxDB 1.x; on 2.x (v1 API) the bucket must exist and this fails: fine.
            try {
                influx.query(new Query("CREATE DATABASE \"" + settings.database().replace("\"", "\\\"") + "\""));
            } catch (org.influxdb.InfluxDBIOException unreachable) {
                throw unreachable; // not an answer: try again with the batch
            } catch (RuntimeException e) {
                LOG.debug("CREATE DATABASE {} was refused ({}); writing to it as it is", settings.database(), e.toString());
            }
            databaseEnsured = true;
        }
        BatchPoints.Builder b = BatchPoints.database(settings.database());
        if (settings.retentionPolicy() != null) {
            b.retentionPolicy(settings.retentionPolicy());
        }
        influx.write(b.points(batch).build());
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Runs an InfluxQL query against the export database (for tests and operators). */
    public QueryResult query(String influxQl) {
        return influx.query(new Query(influxQl, settings.database()));
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failedWrites() {
        return failedWrites.get();
    }

    /** Points waiting to be written. */
    public int buffered() {
        return buffer.size();
    }

    /** Writes what is buffered (for a few seconds at most if InfluxDB does not answer), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(settings.flushInterval().toMillis() + 5_000);
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        influx.close();
        LOG.info("InfluxDB export stopped: {} points written, {} dropped, {} failed writes", written.get(), dropped.get(),
                failedWrites.get());
    }
}
