package io.stocksense.edge.adapter.opcua;

import java.time.Instant;

/**
 * One data change of one monitored node, already out of Milo's types.
 *
 * @param value      the variant's value (null when the server sent none)
 * @param good       whether the status code is Good (Uncertain and Bad are not)
 * @param status     the status code by name and value, e.g. {@code Bad_NodeIdUnknown (0x80340000)}
 * @param sourceTime the server's source timestamp, or null
 */
public record NodeSample(OpcUaDeviceSettings.Role role, String nodeId, Object value, boolean good, String status,
                         Instant sourceTime) {

    /** A short text of the sample, kept as the dead-letter excerpt and payload. */
    public String describe() {
        String type = value == null ? "null" : value.getClass().getSimpleName();
        return role.option() + " " + nodeId + " = " + value + " (" + type + ") " + status;
    }
}
