package io.stocksense.launcher;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated smart-shelf site and the exact device traffic played on it by {@link GatewayChaosIT}.
 *
 * <p>Shelf {@code i} (1-based) holds SKU {@code CHS-ii} at location {@code SHELF-ii}, unit weight
 * {@code 10.5 + 1.25 (i - 1)} g, tolerance 1 g, and publishes {@code shelf-json} on
 * {@code chaos/shelf-ii/weight}. Every shelf first reports its empty 0 g baseline; then the shelves
 * take turns (round-robin, one movement per turn) alternating a placement of 1..3 items and a pick
 * of 1..3 items (never more than lie there), each reported as one stable weight, sometimes after an
 * unstable one. Weights are exact multiples of the unit weight (noise 0), so every stable change is
 * unambiguous. Round-robin keeps consecutive messages of one shelf {@code shelves} messages apart:
 * a message the gateway committed but had not acked when it was killed is redelivered, and the
 * shelf engine ignores it because it equals the counted weight (it still would if it were older
 * than that shelf's newest committed weight, which this order rules out).
 */
final class ShelfTraffic {

    static final String SENTINEL_TOPIC = "chaos/sentinel";
    static final String SENTINEL_DEVICE = "sentinel-1";

    /** One device message; {@code movementsAfter} is how many movements the plan holds once it is played. */
    record Message(String topic, byte[] payload, int movementsAfter) {
    }

    private final int shelves;
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Integer> finalCount = new LinkedHashMap<>();
    private final Map<String, Integer> movementsPerLocation = new LinkedHashMap<>();
    private int movements;
    private int placements;
    private int picks;

    /** Plans {@code totalMovements} movements (a multiple of {@code shelves}) with a fixed seed. */
    ShelfTraffic(int shelves, int totalMovements, long seed) {
        if (totalMovements % shelves != 0) {
            throw new IllegalArgumentException("movements must be a multiple of the shelf count");
        }
        this.shelves = shelves;
        Random random = new Random(seed);
        int[] count = new int[shelves + 1];
        for (int s = 1; s <= shelves; s++) {
            messages.add(new Message(topic(s), weight(BigDecimal.ZERO, true), 0));
        }
        for (int round = 0; round < totalMovements / shelves; round++) {
            for (int s = 1; s <= shelves; s++) {
                int n = 1 + random.nextInt(3);
                int delta = round % 2 == 0 ? n : -Math.min(n, count[s]);
                count[s] += delta;
                movements++;
                if (delta > 0) {
                    placements++;
                } else {
                    picks++;
                }
                BigDecimal grams = unitWeight(s).multiply(BigDecimal.valueOf(count[s]));
                if (random.nextInt(4) == 0) {
                    // a hand still on the shelf: never a whole number of items, never settles
                    messages.add(new Message(topic(s), weight(grams.add(unitWeight(s).multiply(new BigDecimal("0.4"))), false), movements - 1));
                }
                messages.add(new Message(topic(s), weight(grams, true), movements));
                movementsPerLocation.merge(location(s), 1, Integer::sum);
            }
        }
        for (int s = 1; s <= shelves; s++) {
            finalCount.put(location(s), count[s]);
        }
    }

    static String sku(int shelf) {
        return String.format("CHS-%02d", shelf);
    }

    static String location(int shelf) {
        return String.format("SHELF-%02d", shelf);
    }

    static String deviceId(int shelf) {
        return String.format("shelf-%02d", shelf);
    }

    static String topic(int shelf) {
        return String.format("chaos/shelf-%02d/weight", shelf);
    }

    static BigDecimal unitWeight(int shelf) {
        return new BigDecimal("10.5").add(new BigDecimal("1.25").multiply(BigDecimal.valueOf(shelf - 1)));
    }

    /** The device messages in publishing order (baselines first); the sentinel is not among them. */
    List<Message> messages() {
        return Collections.unmodifiableList(messages);
    }

    int movements() {
        return movements;
    }

    int placements() {
        return placements;
    }

    int picks() {
        return picks;
    }

    /** Location → items on the shelf after the whole plan. */
    Map<String, Integer> finalCount() {
        return Collections.unmodifiableMap(finalCount);
    }

    /** Location → number of movements (ledger rows) the plan makes there. */
    Map<String, Integer> movementsPerLocation() {
        return Collections.unmodifiableMap(movementsPerLocation);
    }

    /** The stock the cloud must show, as "SKU@LOCATION" → quantity, zeros left out (like {@link CloudApi#stockByKey}). */
    Map<String, BigDecimal> expectedStock() {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        for (int s = 1; s <= shelves; s++) {
            int n = finalCount.get(location(s));
            if (n != 0) {
                out.put(sku(s) + "@" + location(s), BigDecimal.valueOf(n).stripTrailingZeros());
            }
        }
        return out;
    }

    /** A climate reading sent after everything else: once it is in the cloud, every shelf message before it was taken. */
    static byte[] sentinelPayload() {
        return "{\"temperature\":21.25,\"humidity\":40.0}".getBytes(StandardCharsets.UTF_8);
    }

    /** The site file: one warehouse, one gateway, the shelves and the sentinel sensor. */
    String siteYaml() {
        StringBuilder y = new StringBuilder("site: chaos\nname: Gateway chaos test site\nproducts:\n");
        for (int s = 1; s <= shelves; s++) {
            y.append(String.format("  - { sku: %s, name: \"Chaos part %02d\", unit: EA, unitWeightGrams: %s }%n",
                    sku(s), s, unitWeight(s).toPlainString()));
        }
        y.append("warehouses:\n  - code: WH1\n    name: Chaos warehouse\n    zones:\n")
                .append("      - { code: AMBIENT, name: Ambient store, temperature: { min: 15, max: 30, alarmDelay: 30m } }\n")
                .append("    locations:\n");
        for (int s = 1; s <= shelves; s++) {
            y.append(String.format("      - { code: %s, name: Smart shelf %02d, zone: AMBIENT, kind: shelf-slot }%n", location(s), s));
        }
        y.append("gateways:\n  - { id: gw-1, name: Chaos gateway, warehouse: WH1 }\ndevices:\n");
        for (int s = 1; s <= shelves; s++) {
            y.append(String.format("  - { id: %s, gateway: gw-1, family: smart-shelf, transport: mqtt, address: %s, codec: shelf-json,"
                    + " warehouse: WH1, location: %s, shelf: { sku: %s, toleranceGrams: 1 } }%n", deviceId(s), topic(s), location(s), sku(s)));
        }
        y.append("  - { id: ").append(SENTINEL_DEVICE).append(", gateway: gw-1, family: climate-sensor, transport: mqtt, address: ")
                .append(SENTINEL_TOPIC).append(", codec: zigbee2mqtt, warehouse: WH1, zone: AMBIENT }\n");
        return y.toString();
    }

    private static byte[] weight(BigDecimal grams, boolean stable) {
        return ("{\"grams\":" + grams.toPlainString() + ",\"stable\":" + stable + "}").getBytes(StandardCharsets.UTF_8);
    }
}
