package io.stocksense.edge.engine;

import io.stocksense.protocol.event.GatewayEvent;

import java.util.ArrayList;
import java.util.List;

/** Gives pending events a test identity, the way the outbox would. */
public final class Events {

    private Events() {
    }

    public static List<GatewayEvent> materialize(List<PendingEvent> pending) {
        List<GatewayEvent> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            out.add(pending.get(i).create("evt-" + (i + 1), i + 1));
        }
        return out;
    }
}
