package io.stocksense.edge.codec.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structure-aware mutations of recorded vendor payloads. A {@link Mutation} is plain data (an
 * operation, two positions in [0, 1) and a text), so jqwik generates and shrinks it, and the same plan
 * can be applied to every codec's own recordings. JSON payloads (whole, or one line of NDJSON) are
 * mutated as trees, so the result is usually still JSON but with hostile values where the codec expects
 * numbers, strings or objects; text and binary frames get digit, separator and framing mutations.
 */
final class PayloadMutator {

    /** What one mutation does. */
    enum Op {
        JSON_REPLACE_VALUE, JSON_REMOVE_FIELD, JSON_ADD_FIELD, JSON_WRAP_IN_ARRAY, JSON_DEEP_NEST,
        REPLACE_DIGITS, INSERT_FRAMING, INSERT_TEXT, FLIP_BYTE, DELETE_RANGE, DUPLICATE_RANGE, TRUNCATE, GLUE_COPY
    }

    /** One mutation: {@code where} and {@code where2} pick positions, {@code text} is what goes in. */
    record Mutation(Op op, double where, double where2, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] FRAMING = {"\r", "\n", "\r\n", "\u0002", "\u0003", " ", ",", ";", "{", "}", "[", "]", "\"",
        ":", "\u0000", "\u00ff", "-", ".", "e", "+"};

    private PayloadMutator() {
    }

    static byte[] apply(byte[] seed, List<Mutation> plan) {
        byte[] out = seed;
        for (Mutation m : plan) {
            out = apply(out, m);
        }
        return out;
    }

    private static byte[] apply(byte[] in, Mutation m) {
        switch (m.op()) {
            case JSON_REPLACE_VALUE:
            case JSON_REMOVE_FIELD:
            case JSON_ADD_FIELD:
            case JSON_WRAP_IN_ARRAY:
            case JSON_DEEP_NEST:
                return mutateJson(in, m);
            case REPLACE_DIGITS:
                return replaceDigits(in, m);
            case INSERT_FRAMING:
                return insert(in, pos(m.where(), in.length + 1), FRAMING[(int) (m.where2() * FRAMING.length)].getBytes(StandardCharsets.ISO_8859_1));
            case INSERT_TEXT:
                return insert(in, pos(m.where(), in.length + 1), m.text().getBytes(StandardCharsets.UTF_8));
            case FLIP_BYTE:
                return flip(in, m);
            case DELETE_RANGE:
                return delete(in, m);
            case DUPLICATE_RANGE:
                return duplicate(in, m);
            case TRUNCATE:
                return java.util.Arrays.copyOf(in, pos(m.where(), in.length + 1));
            case GLUE_COPY:
                return concat(in, in);
            default:
                throw new IllegalArgumentException("unknown mutation " + m.op());
        }
    }

    // ---- JSON trees -------------------------------------------------------------------------------------------

    private static byte[] mutateJson(byte[] in, Mutation m) {
        if (m.op() == Op.JSON_DEEP_NEST) {
            // Built as text: Jackson itself refuses to write past 1,000 levels, which is the point.
            int depth = 1 + (int) (m.where() * 2000);
            return ("[".repeat(depth) + new String(in, StandardCharsets.UTF_8) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        }
        String text = new String(in, StandardCharsets.UTF_8);
        JsonNode whole = parse(text);
        if (whole != null) {
            return write(mutateTree(whole, m));
        }
        // NDJSON or glued events: mutate one line that is JSON on its own.
        String[] lines = text.split("\n", -1);
        int start = pos(m.where2(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            int k = (start + i) % lines.length;
            JsonNode line = parse(lines[k]);
            if (line != null) {
                lines[k] = new String(write(mutateTree(line, m)), StandardCharsets.UTF_8);
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
        }
        return replaceDigits(in, m);
    }

    private static JsonNode mutateTree(JsonNode root, Mutation m) {
        if (m.op() == Op.JSON_WRAP_IN_ARRAY) {
            return NODES.arrayNode().add(root).add(root.deepCopy());
        }
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        if (containers.isEmpty()) {
            return hostileValue(m);
        }
        ContainerNode<?> target = (ContainerNode<?>) containers.get(pos(m.where(), containers.size()));
        if (target instanceof ObjectNode obj) {
            mutateObject(obj, m);
        } else {
            mutateArray((ArrayNode) target, m);
        }
        return root;
    }

    private static void mutateObject(ObjectNode obj, Mutation m) {
        List<String> names = new ArrayList<>();
        obj.fieldNames().forEachRemaining(names::add);
        if (m.op() == Op.JSON_ADD_FIELD || names.isEmpty()) {
            String name = names.isEmpty() || m.text().length() % 2 == 0 ? m.text() : names.get(pos(m.where2(), names.size())) + "_";
            obj.set(name, hostileValue(m));
            return;
        }
        String name = names.get(pos(m.where2(), names.size()));
        if (m.op() == Op.JSON_REMOVE_FIELD) {
            obj.remove(name);
        } else {
            obj.set(name, hostileValue(m));
        }
    }

    private static void mutateArray(ArrayNode arr, Mutation m) {
        if (arr.isEmpty() || m.op() == Op.JSON_ADD_FIELD) {
            arr.add(hostileValue(m));
        } else if (m.op() == Op.JSON_REMOVE_FIELD) {
            arr.remove(pos(m.where2(), arr.size()));
        } else {
            arr.set(pos(m.where2(), arr.size()), hostileValue(m));
        }
    }

    /** A value of a kind codecs do not expect where they meet it: chosen by the text's length. */
    private static JsonNode hostileValue(Mutation m) {
        String t = m.text();
        switch (t.length() % 12) {
            case 0: return NODES.nullNode();
            case 1: return NODES.textNode(t);
            case 2: return NODES.numberNode(new BigInteger("9".repeat(1 + t.length() * 7)));
            case 3: return NODES.numberNode(-m.where() * 1e308 * 10);
            case 4: return NODES.numberNode(Double.NaN);
            case 5: return NODES.booleanNode(m.where() < 0.5);
            case 6: return NODES.objectNode().put(t, t);
            case 7: return NODES.arrayNode().add(t).add(m.where());
            case 8: return NODES.numberNode(Long.MIN_VALUE);
            case 9: return NODES.textNode("2024-13-45T25:61:61.123+9999");
            case 10: return NODES.numberNode(new java.math.BigDecimal("1e-400"));
            default: return NODES.numberNode((int) (m.where2() * 200 - 100));
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectContainers(it.next(), out);
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isContainerNode() ? n : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- bytes and text -------------------------------------------------------------------------------------

    private static byte[] replaceDigits(byte[] in, Mutation m) {
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i] >= '0' && in[i] <= '9') {
                digits.add(i);
            }
        }
        if (digits.isEmpty()) {
            return insert(in, pos(m.where(), in.length + 1), m.text().getBytes(StandardCharsets.UTF_8));
        }
        int at = digits.get(pos(m.where(), digits.size()));
        int end = at;
        while (end < in.length && (in[end] >= '0' && in[end] <= '9' || in[end] == '.')) {
            end++;
        }
        String replacement = Map.of(0, "-", 1, "99999999999999999999999", 2, "0.0.0", 3, "", 4, "1e309", 5, "NaN",
                6, m.text(), 7, "-0", 8, "٣", 9, "0x1F").get(pos(m.where2(), 10));
        return splice(in, at, end, replacement.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] flip(byte[] in, Mutation m) {
        if (in.length == 0) {
            return new byte[] {(byte) (m.where2() * 256)};
        }
        byte[] out = in.clone();
        int at = pos(m.where(), in.length);
        out[at] = (byte) (out[at] ^ (1 << pos(m.where2(), 8)));
        return out;
    }

    private static byte[] delete(byte[] in, Mutation m) {
        int a = pos(m.where(), in.length + 1);
        int b = Math.min(in.length, a + pos(m.where2(), 64) + 1);
        return splice(in, a, b, new byte[0]);
    }

    private static byte[] duplicate(byte[] in, Mutation m) {
        int a = pos(m.where(), in.length + 1);
        int b = Math.min(in.length, a + pos(m.where2(), 128) + 1);
        return insert(in, b, java.util.Arrays.copyOfRange(in, a, b));
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        return splice(in, at, at, what);
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
        out.write(in, 0, from);
        out.write(what, 0, what.length);
        out.write(in, to, in.length - to);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return splice(a, a.length, a.length, b);
    }

    /** A position in [0, size), or 0 for an empty range. */
    private static int pos(double where, int size) {
        return size <= 0 ? 0 : Math.min(size - 1, (int) (where * size));
    }
}
