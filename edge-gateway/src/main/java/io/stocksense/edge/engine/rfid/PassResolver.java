package io.stocksense.edge.engine.rfid;

import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.EpcDecodeResult;
import io.stocksense.protocol.epc.Sgtin;
import io.stocksense.protocol.epc.Sscc;
import io.stocksense.protocol.event.MovementLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the EPCs of one pass direction to movement lines: SGTIN → GTIN-14 → the site's product, one
 * line per SKU whose quantity is the number of distinct EPCs. The first SSCC is the pallet
 * ({@code parentEpc}). Everything else (factory {@code E2…} EPCs, unknown GTINs, undecodable hex,
 * returnable assets, further SSCCs) is kept as unresolved evidence and never guessed into a product.
 */
final class PassResolver {

    private final Site site;

    PassResolver(Site site) {
        this.site = site;
    }

    record Resolved(List<MovementLine> lines, String parentEpc, List<String> unresolved) {
    }

    Resolved resolve(List<String> epcs) {
        Map<String, List<String>> bySku = new LinkedHashMap<>();
        Map<String, Product> products = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        String parent = null;
        for (String epc : epcs) {
            EpcDecodeResult decoded = EpcCodec.decode(epc);
            Optional<Product> product = decoded.identity() instanceof Sgtin sgtin
                    ? site.productByGtin(sgtin.gtin14()) : Optional.empty();
            if (product.isPresent()) {
                products.putIfAbsent(product.get().sku(), product.get());
                bySku.computeIfAbsent(product.get().sku(), k -> new ArrayList<>()).add(epc);
            } else if (decoded.identity() instanceof Sscc && parent == null) {
                parent = epc;
            } else {
                unresolved.add(epc);
            }
        }
        List<MovementLine> lines = new ArrayList<>();
        bySku.forEach((sku, list) -> {
            Product p = products.get(sku);
            lines.add(new MovementLine(sku, p.gtin(), BigDecimal.valueOf(list.size()), p.unit(), null, list));
        });
        return new Resolved(lines, parent, unresolved);
    }
}
