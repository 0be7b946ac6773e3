package io.stocksense.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stocksense.protocol.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an {@link EventBatch} one event at a time, so that one malformed event is rejected with a
 * reason while the rest of the batch is still posted. Never throws on bad input.
 */
public final class BatchCodec {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private BatchCodec() {
    }

    public static byte[] encode(EventBatch batch) {
        return Json.write(batch);
    }

    /**
     * Decodes a batch leniently. When the envelope itself is unreadable (not JSON, no batchSeq),
     * {@link Decoded#envelopeError()} says why and there are no events.
     */
    public static Decoded decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Decoded.badEnvelope("batch is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return Decoded.badEnvelope("batch is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return Decoded.badEnvelope("batch must be a JSON object");
        }
        JsonNode seq = root.get("batchSeq");
        // isIntegralNumber: canConvertToLong alone let 1.5 through as batch 1, and a later batch 1 would
        // then be taken for a re-delivery.
        if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
            return Decoded.badEnvelope("batch has no positive integer batchSeq");
        }
        JsonNode gw = root.get("gatewayId");
        if (gw == null || !gw.isTextual() || gw.asText().isBlank()) {
            return Decoded.badEnvelope("batch has no gatewayId");
        }
        JsonNode events = root.get("events");
        if (!(events instanceof ArrayNode array)) {
            return Decoded.badEnvelope("batch has no events[] array");
        }
        List<GatewayEvent> ok = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String eventId = node.hasNonNull("eventId") && node.get("eventId").isTextual() ? node.get("eventId").asText() : null;
            try {
                GatewayEvent event = Json.MAPPER.treeToValue(node, GatewayEvent.class);
                if (event == null) {
                    rejected.add(new Rejected(eventId, i, "event is null", node.toString()));
                } else {
                    ok.add(event);
                }
            } catch (IOException | RuntimeException e) {
                rejected.add(new Rejected(eventId, i, reason(e), node.toString()));
            }
        }
        String siteId = root.hasNonNull("siteId") && root.get("siteId").isTextual() ? root.get("siteId").asText() : null;
        return new Decoded(siteId, gw.asText(), seq.asLong(), ok, rejected, null);
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : t.getMessage();
        if (t instanceof NullPointerException && msg != null && FIELD_NAME.matcher(msg).matches()) {
            // The records' Objects.requireNonNull(x, "name") gives only the field name.
            return "missing required field '" + msg + "'";
        }
        return firstLine(msg == null ? t.getClass().getSimpleName() : msg);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A leniently decoded batch. */
    public record Decoded(String siteId, String gatewayId, long batchSeq, List<GatewayEvent> events,
                          List<Rejected> rejected, String envelopeError) {

        public Decoded {
            events = List.copyOf(events);
            rejected = List.copyOf(rejected);
        }

        static Decoded badEnvelope(String why) {
            return new Decoded(null, null, 0, List.of(), List.of(), why);
        }

        public boolean envelopeOk() {
            return envelopeError == null;
        }
    }

    /** One event of a batch that could not be read, with the raw JSON kept for inspection. */
    public record Rejected(String eventId, int index, String reason, String rawJson) {
    }
}
