package io.stocksense.cloud.timeseries;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how the InfluxDB export sink writes. Read from {@code STOCKSENSE_INFLUX_URL} (the sink is off without
 * it), {@code STOCKSENSE_INFLUX_DB} (default {@code stocksense}), {@code STOCKSENSE_INFLUX_RETENTION_POLICY}
 * (default: the database's), {@code STOCKSENSE_INFLUX_USER}, {@code STOCKSENSE_INFLUX_PASSWORD} and
 * {@code STOCKSENSE_INFLUX_BUFFER} (points kept while InfluxDB is unreachable, default 100,000).
 * {@link #toString()} never shows the password.
 */
public record InfluxSettings(String url, String database, String retentionPolicy, String user, String password,
                             int bufferPoints, int batchPoints, Duration flushInterval, Duration maxRetryDelay) {

    public InfluxSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(database, "database");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("STOCKSENSE_INFLUX_URL must be an http(s) URL such as http://127.0.0.1:8086, was '" + url + "'");
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("STOCKSENSE_INFLUX_DB must not be blank");
        }
        if (bufferPoints < 1 || batchPoints < 1 || batchPoints > bufferPoints) {
            throw new IllegalArgumentException("STOCKSENSE_INFLUX_BUFFER must be at least the batch size " + batchPoints
                    + ", was " + bufferPoints);
        }
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
    }

    /** Settings for {@code url} with the defaults. */
    public static InfluxSettings of(String url, String database) {
        return new InfluxSettings(url, database, null, null, null, 100_000, 5_000, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The settings {@code lookup} (environment) gives, or empty when {@code STOCKSENSE_INFLUX_URL} is not set. */
    public static Optional<InfluxSettings> from(Function<String, String> lookup) {
        String url = blankToNull(lookup.apply("STOCKSENSE_INFLUX_URL"));
        if (url == null) {
            return Optional.empty();
        }
        String db = blankToNull(lookup.apply("STOCKSENSE_INFLUX_DB"));
        InfluxSettings d = of(url, db == null ? "stocksense" : db);
        String buffer = blankToNull(lookup.apply("STOCKSENSE_INFLUX_BUFFER"));
        int bufferPoints;
        try {
            bufferPoints = buffer == null ? d.bufferPoints : Integer.parseInt(buffer);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("STOCKSENSE_INFLUX_BUFFER must be a whole number, was '" + buffer + "'");
        }
        return Optional.of(new InfluxSettings(url, d.database, blankToNull(lookup.apply("STOCKSENSE_INFLUX_RETENTION_POLICY")),
                blankToNull(lookup.apply("STOCKSENSE_INFLUX_USER")), blankToNull(lookup.apply("STOCKSENSE_INFLUX_PASSWORD")),
                bufferPoints, Math.min(d.batchPoints, bufferPoints), d.flushInterval, d.maxRetryDelay));
    }

    public InfluxSettings withBuffer(int points, int batch) {
        return new InfluxSettings(url, database, retentionPolicy, user, password, points, batch, flushInterval, maxRetryDelay);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "InfluxSettings[url=" + url + ", database=" + database + ", retentionPolicy=" + retentionPolicy + ", user=" + user
                + ", password=" + (password == null ? null : "***") + ", bufferPoints=" + bufferPoints + "]";
    }
}
