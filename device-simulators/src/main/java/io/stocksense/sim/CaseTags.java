package io.stocksense.sim;

import io.stocksense.config.Product;
import io.stocksense.config.Site;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.Gtin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The tagged cases on simulated pallets: SGTIN-96 EPCs for the site's case products, with serials
 * that are a pure function of (seed, pallet label). So {@code dispatch} with seed S sends out exactly
 * the cases {@code receive-pallet} with seed S brought in, while different seeds or labels give
 * different, practically never colliding serials (random 38-bit numbers).
 */
final class CaseTags {

    /** Filter value 1: point-of-sale trade item; what case tags commonly carry. */
    static final int SGTIN_FILTER = 1;
    /** Filter value 0 ("all others") for the pallet's SSCC. */
    static final int SSCC_FILTER = 0;
    private static final long MAX_SERIAL = 1L << 38;

    /** One tagged case. */
    record Case(String sku, String epcHex) {
    }

    private final List<Product> products;

    CaseTags(Site site) {
        this.products = caseProducts(site);
    }

    /**
     * Products that travel as tagged cases: a GTIN and no unit weight (weighed goods live on shelves).
     * When a site has none of those, any product with a GTIN will do.
     */
    static List<Product> caseProducts(Site site) {
        List<Product> cases = site.products().stream().filter(p -> p.gtin() != null && p.unitWeightGrams() == null).toList();
        return cases.isEmpty() ? site.products().stream().filter(p -> p.gtin() != null).toList() : cases;
    }

    List<Product> products() {
        return products;
    }

    /** {@code n} cases spread round-robin over the case products (40 over 4 SKUs = 10 each). */
    List<Case> pallet(long seed, String label, int n) {
        if (products.isEmpty()) {
            throw new IllegalStateException("the site has no product with a GTIN to tag cases with");
        }
        SplittableRandom random = new SplittableRandom(mix(seed, label));
        Set<Long> used = new HashSet<>();
        List<Case> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Product p = products.get(i % products.size());
            long serial = random.nextLong(1, MAX_SERIAL);
            while (!used.add(serial)) {
                serial = random.nextLong(1, MAX_SERIAL);
            }
            cases.add(new Case(p.sku(), EpcCodec.encodeSgtin96(p.gtin(), p.companyPrefixLength(), SGTIN_FILTER, serial)));
        }
        return cases;
    }

    /**
     * The pallet's SSCC-96 tag: extension digit 0, the first case product's company prefix, a serial
     * reference from (seed, label), and the check digit.
     */
    String palletSscc(long seed, String label) {
        Product p = products.get(0);
        int cpl = p.companyPrefixLength();
        String prefix = p.gtin().substring(1, 1 + cpl);
        int refDigits = 16 - cpl;
        long bound = (long) Math.pow(10, Math.min(refDigits, 18));
        long ref = new SplittableRandom(mix(seed, label + "/sscc")).nextLong(bound);
        String data = "0" + prefix + String.format("%0" + refDigits + "d", ref);
        return EpcCodec.encodeSscc96(data + Gtin.checkDigit(data), cpl, SSCC_FILTER);
    }

    private static long mix(long seed, String label) {
        return seed * 0x9E3779B97F4A7C15L ^ (long) label.hashCode() * 0xC2B2AE3D27D4EB4FL;
    }
}
