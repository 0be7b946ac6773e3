package io.stocksense.edge.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The outbox tables. Created if missing; every statement is idempotent so opening twice is safe. */
final class OutboxSchema {

    private static final String[] DDL = {
        // AUTOINCREMENT: ids are never reused, so "ORDER BY id" is arrival order even after deletes.
        """
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            channel TEXT NOT NULL,
            device_id TEXT NOT NULL,
            device_seq INTEGER NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            batch_seq INTEGER)""",
        "CREATE INDEX IF NOT EXISTS events_unbatched ON events (channel, batch_seq, id)",
        "CREATE INDEX IF NOT EXISTS events_batch ON events (batch_seq)",
        "CREATE TABLE IF NOT EXISTS device_seq (device_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS shelf_baseline (
            device_id TEXT PRIMARY KEY,
            counted_grams TEXT NOT NULL,
            updated_at INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            device_id TEXT NOT NULL,
            codec TEXT,
            reason TEXT NOT NULL,
            excerpt TEXT,
            payload_hex TEXT,
            received_at INTEGER NOT NULL)""",
        // Local alarms raised and not yet cleared, one row per zone (warehouse/zone), so a restarted
        // gateway keeps its stack light on. Written in the transaction that stores the alarm's event.
        """
        CREATE TABLE IF NOT EXISTS local_alarms (
            zone_key TEXT PRIMARY KEY,
            alarm TEXT NOT NULL,
            updated_at INTEGER NOT NULL)""",
        "CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT OR IGNORE INTO counters (name, value) VALUES ('batch_seq', 0)",
        "INSERT OR IGNORE INTO counters (name, value) VALUES ('dead_letters_total', 0)",
    };

    private OutboxSchema() {
    }

    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // WAL: readers (health queries) never block the writer. synchronous=FULL: every commit is
            // fsynced before it returns, so a committed event survives power loss.
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }
}
