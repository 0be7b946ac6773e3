package io.stocksense.cloud.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backup covers, read from the catalog: the tables of the current schema (not Flyway's history,
 * which the restore rebuilds by migrating), their non-generated columns, the order that puts referenced
 * tables first, and the sequences. Identifiers come from the catalog and are always quoted.
 */
final class Schema {

    static final String FLYWAY_TABLE = "flyway_schema_history";

    private Schema() {
    }

    /** Table names, every table after the tables its foreign keys reference. */
    static List<String> tablesInDependencyOrder(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ?"
                + " ORDER BY c.relname")) {
            ps.setString(1, FLYWAY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        try (PreparedStatement ps = c.prepareStatement("SELECT child.relname, parent.relname FROM pg_constraint k"
                + " JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = child.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String t : tables) {
            visit(t, parents, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(String t, Map<String, Set<String>> parents, List<String> ordered, Set<String> visiting) {
        if (ordered.contains(t)) {
            return;
        }
        if (!visiting.add(t)) {
            throw new IllegalStateException("foreign keys form a cycle through table " + t + "; cannot order the restore");
        }
        for (String p : parents.getOrDefault(t, Set.of())) {
            visit(p, parents, ordered, visiting);
        }
        visiting.remove(t);
        ordered.add(t);
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_attribute a WHERE a.attrelid ="
                + " (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND a.attgenerated = '' ORDER BY a.attnum")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Sequences of the current schema that have been used, with their last value. */
    static List<BackupManifest.Sequence> sequences(Connection c) throws SQLException {
        List<BackupManifest.Sequence> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequencename, last_value FROM pg_sequences"
                + " WHERE schemaname = current_schema() AND last_value IS NOT NULL ORDER BY sequencename");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new BackupManifest.Sequence(rs.getString(1), rs.getLong(2)));
            }
        }
        return out;
    }

    /** The latest successfully applied Flyway version, or null for a database Flyway never touched. */
    static String schemaVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(quote_ident(current_schema()) || '.' || ?) IS NOT NULL")) {
            ps.setString(1, FLYWAY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + FLYWAY_TABLE
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Schema::quote).toList());
    }
}
