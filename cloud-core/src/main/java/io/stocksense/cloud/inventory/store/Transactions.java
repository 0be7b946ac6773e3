package io.stocksense.cloud.inventory.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one READ COMMITTED transaction, retrying it when PostgreSQL aborted it for a deadlock
 * (40P01) or a serialization failure (40001). Keys are locked in a stable order, so deadlocks between
 * manual operations do not happen; they remain possible against device batches, whose lines are
 * locked in the order the device sent them.
 */
public final class Transactions {

    static final int ATTEMPTS = 5;

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T run(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt >= ATTEMPTS || !retriable(e)) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
    }

    private static boolean retriable(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }
}
