package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StocktakeCount;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.EpcDecodeResult;
import io.stocksense.protocol.epc.Sgtin;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the tags an RFID sweep of one location read into counts: each distinct SGTIN is one item of
 * the product with its GTIN. Tags that are not SGTINs (pallet SSCCs, assets, unencoded E2… chips) or
 * whose GTIN is no product are returned as unresolved, never guessed.
 */
final class EpcSweep {

    record Result(List<StocktakeCount> counts, List<String> unresolved) {
    }

    static Result resolve(Connection c, String location, List<String> epcs) throws SQLException {
        Map<String, Integer> perSku = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        for (String epc : new LinkedHashSet<>(epcs)) {
            EpcDecodeResult d = EpcCodec.decode(epc);
            Optional<String> sku = d.isDecoded() && d.identity() instanceof Sgtin s ? skuOfGtin(c, s.gtin14()) : Optional.empty();
            if (sku.isPresent()) {
                perSku.merge(sku.get(), 1, Integer::sum);
            } else {
                unresolved.add(epc.toUpperCase(Locale.ROOT));
            }
        }
        List<StocktakeCount> counts = new ArrayList<>();
        perSku.forEach((sku, n) -> counts.add(new StocktakeCount(sku, location, null, BigDecimal.valueOf(n))));
        return new Result(counts, unresolved);
    }

    /** Product GTINs may be stored as GTIN-13 or GTIN-14; an SGTIN always decodes to GTIN-14. */
    private static Optional<String> skuOfGtin(Connection c, String gtin14) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sku FROM product WHERE gtin = ? OR lpad(gtin, 14, '0') = ?"
                + " ORDER BY sku LIMIT 1")) {
            ps.setString(1, gtin14);
            ps.setString(2, gtin14);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
