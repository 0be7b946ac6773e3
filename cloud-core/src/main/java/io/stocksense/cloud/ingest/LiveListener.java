package io.stocksense.cloud.ingest;

import java.util.List;

/**
 * Receives what an ingest batch changed, after its COMMIT (never for a rolled-back batch).
 *
 * <p>Called on the ingest worker thread; an implementation must not block and must hand the events
 * to its own threads (the SSE hub publishes them on the Vert.x event bus). Exceptions are logged and
 * ignored: a dashboard must never hold up ingest.
 */
@FunctionalInterface
public interface LiveListener {

    void committed(List<LiveEvent> events);

    LiveListener NONE = events -> { };
}
