package io.stocksense.cloud.backup;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of a backup archive: the Flyway schema version the data belongs to, and per
 * table its columns (in COPY order) and row count, in an order where every table comes after the tables
 * it references; plus the sequences' positions.
 */
public record BackupManifest(int format, String schemaVersion, Instant createdAt, List<Table> tables, List<Sequence> sequences) {

    public static final int FORMAT = 1;

    public record Table(String name, List<String> columns, long rows) {
        String entry() {
            return "data/" + name + ".copy";
        }
    }

    public record Sequence(String name, long lastValue) {
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
