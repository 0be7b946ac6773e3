package io.stocksense.cloud.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated cells, optional double quotes around a cell, {@code ""} for a quote
 * inside quotes, and line breaks (CRLF, LF or CR) inside quoted cells. Each row remembers the physical
 * line it starts on, so import reports can point at it. Blank lines are skipped and a leading UTF-8 BOM
 * is ignored. A row with broken quoting is returned with an {@code error} instead of failing the file.
 * Pure and thread-safe.
 */
public final class Csv {

    /** A parsed row: {@code line} is 1-based; {@code error} is null unless the row's quoting is broken. */
    public record Row(int line, List<String> cells, String error) {
    }

    private Csv() {
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            String error = null;
            boolean quoted = false;
            boolean afterQuote = false;
            boolean rowEnded = false;
            while (i < n && !rowEnded) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    rowEnded = true;
                } else if (c == '"' && cell.length() == 0 && !afterQuote) {
                    quoted = true;
                } else {
                    if (afterQuote && error == null) {
                        error = "unexpected text after a closing quote in cell " + (cells.size() + 1);
                    }
                    cell.append(c);
                }
            }
            if (quoted) {
                error = "a quoted cell opened on line " + startLine + " is never closed";
            }
            cells.add(cell.toString());
            if (error != null || cells.size() > 1 || !cells.get(0).isEmpty() || afterQuote) {
                rows.add(new Row(startLine, List.copyOf(cells), error));
            }
        }
        return rows;
    }

    /** One CSV line (with CRLF as RFC 4180 says); cells are quoted only when they need it. Null is empty. */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            String v = cells.get(k) == null ? "" : cells.get(k);
            boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                    || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
            if (quote) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append("\r\n").toString();
    }
}
