package io.stocksense.cloud.ingest;

import java.sql.SQLException;

/** Classifies SQL failures: is the database unwell (retry the whole batch later) or the event bad? */
final class SqlStates {

    private SqlStates() {
    }

    /**
     * True for failures that say nothing about the event: connection problems (08), transaction
     * rollbacks such as serialization failures and deadlocks (40), resource shortages (53), operator
     * intervention such as a shutdown (57), and failures without a state (the driver lost the link).
     */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("XX");
    }
}
