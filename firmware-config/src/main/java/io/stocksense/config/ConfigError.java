package io.stocksense.config;

/**
 * One problem in a site file.
 *
 * @param file    the file (or source name) it was found in
 * @param line    1-based line, or 0 when the problem has no line (an unreadable file)
 * @param field   path of the offending field, e.g. {@code devices[3].portal.innerAntenna}; {@code yaml}
 *                for a syntax error
 * @param message what is wrong, and where possible how to fix it
 */
public record ConfigError(String file, int line, String field, String message) {

    /** {@code file:line: field: message}, the form editors and CI logs link to. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
