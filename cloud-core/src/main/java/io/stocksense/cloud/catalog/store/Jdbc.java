package io.stocksense.cloud.catalog.store;

import io.stocksense.cloud.catalog.domain.Money;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Money as two columns (amount, currency), both null when there is no amount. */
final class Jdbc {

    private Jdbc() {
    }

    static void setMoney(PreparedStatement ps, int index, Money m) throws SQLException {
        ps.setBigDecimal(index, m == null ? null : m.amount());
        if (m == null) {
            ps.setNull(index + 1, Types.VARCHAR);
        } else {
            ps.setString(index + 1, m.currency());
        }
    }

    static Money money(ResultSet rs, int index) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(index);
        return amount == null ? null : new Money(amount, rs.getString(index + 1));
    }
}
