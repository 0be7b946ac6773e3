package io.stocksense.edge.adapter;

import io.stocksense.edge.GatewayConfig;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.health.DeviceStatusBoard;

import java.time.Clock;

/** What every adapter is given: the gateway's configuration, the codecs, the status board and the sink. */
public record AdapterContext(GatewayConfig config, CodecRegistry codecs, DeviceStatusBoard status, ReadingSink sink,
                             Clock clock) {
}
