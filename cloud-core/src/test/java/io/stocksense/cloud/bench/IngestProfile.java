package io.stocksense.cloud.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the time of the ingest run goes: CPU seconds of this JVM and of the PostgreSQL processes (from
 * /proc, so other builds on the machine do not count), and inside PostgreSQL the statements
 * pg_stat_statements saw, by total execution time. On a shared machine the wall clock varies with the
 * load; the CPU seconds per movement vary much less.
 */
final class IngestProfile {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private long jvmNanos;
    private double pgSeconds;

    void start(DataSource ds) throws SQLException {
        exec(ds, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        exec(ds, "SELECT pg_stat_statements_reset()");
        pgSeconds = postgresCpuSeconds(ds);
        jvmNanos = jvmCpuNanos();
    }

    /** Prints the profile and returns {JVM, PostgreSQL} CPU seconds since {@link #start}. */
    double[] print(DataSource ds, double wallSeconds) throws SQLException {
        double jvm = (jvmCpuNanos() - jvmNanos) / 1e9;
        double pg = postgresCpuSeconds(ds) - pgSeconds;
        System.out.printf("%nIngest run: %.1f s wall clock, CPU %.1f s JVM + %.1f s PostgreSQL; time per statement:%n",
                wallSeconds, jvm, pg);
        double total = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)"
                     + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10")) {
            while (rs.next()) {
                total += rs.getDouble(2);
                System.out.printf("  %8.0f ms %7d calls  %s%n", rs.getDouble(2), rs.getLong(1), rs.getString(3));
            }
        }
        System.out.printf("  total of these: %.1f s%n", total / 1000);
        return new double[] {jvm, pg};
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of every PostgreSQL process of this server (backends and background processes). */
    private static double postgresCpuSeconds(DataSource ds) throws SQLException {
        long ticks = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity")) {
            while (rs.next()) {
                ticks += ticks(rs.getInt(1));
            }
        }
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or the process is gone
        }
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
