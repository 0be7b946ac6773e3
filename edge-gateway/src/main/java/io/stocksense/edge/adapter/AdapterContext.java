package io.stocksense.edge.adapter;

import io.stocksense.edge.GatewayConfig;
import io.stocksense.edge.alarm.LocalAlarms;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.health.DeviceStatusBoard;

import java.time.Clock;

/**
 * What every adapter is given: the gateway's configuration, the codecs, the status board, the sink,
 * and the local alarms (which output adapters, such as GPIO signal lights, follow).
 */
public record AdapterContext(GatewayConfig config, CodecRegistry codecs, DeviceStatusBoard status, ReadingSink sink,
                             Clock clock, LocalAlarms alarms) {

    /** A context whose local alarms never fire (for adapters that have no outputs, and their tests). */
    public AdapterContext(GatewayConfig config, CodecRegistry codecs, DeviceStatusBoard status, ReadingSink sink, Clock clock) {
        this(config, codecs, status, sink, clock, LocalAlarms.none());
    }
}
