package io.stocksense.cloud.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records a gateway's retained birth/death message ({@code .../state}) as its current status.
 * The payload is either JSON with a {@code state} (or {@code status}) field, or a plain word such
 * as {@code online}; anything else is stored as {@code unknown} with the raw payload kept.
 */
public final class GatewayStateStore {

    private final DataSource dataSource;

    public GatewayStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(String siteId, String gatewayId, byte[] payload) throws SQLException {
        String raw = new String(payload, StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO gateway_status (site_id, gateway_id, state, payload)"
                     + " VALUES (?, ?, ?, ?) ON CONFLICT (site_id, gateway_id) DO UPDATE SET state = EXCLUDED.state,"
                     + " payload = EXCLUDED.payload, updated_at = now()")) {
            ps.setString(1, siteId);
            ps.setString(2, gatewayId);
            ps.setString(3, stateOf(raw));
            ps.setString(4, RejectionStore.cut(raw));
            ps.executeUpdate();
        }
    }

    static String stateOf(String raw) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = Json.MAPPER.readTree(trimmed);
                for (String field : new String[] {"state", "status"}) {
                    if (node.hasNonNull(field) && node.get(field).isTextual()) {
                        return node.get(field).asText();
                    }
                }
            } catch (java.io.IOException e) {
                return "unknown";
            }
            return "unknown";
        }
        return trimmed.matches("[A-Za-z_-]{1,32}") ? trimmed.toLowerCase(java.util.Locale.ROOT) : "unknown";
    }
}
