package io.stocksense.edge.codec.mettler;

import java.math.BigDecimal;

/**
 * One MT-SICS reply line as the balance sent it (the vendor frame, before mapping to a reading).
 *
 * @param id     the reply identifier: {@code S} (for the {@code S}, {@code SI} and {@code SIR} commands),
 *               or an error identifier {@code ES}, {@code ET}, {@code EL}
 * @param status {@code S} stable, {@code D} dynamic, {@code I} not executable, {@code +} overload,
 *               {@code -} underload, {@code L} logic error; null for ES/ET/EL
 * @param value  the weight value, only with status S or D
 * @param unit   the unit as printed, only with status S or D
 */
public record MtSicsReply(String id, String status, BigDecimal value, String unit) {

    public boolean hasWeight() {
        return value != null;
    }
}
