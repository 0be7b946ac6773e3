-- StockSense cloud-core schema, version 63: serialized items (EPCs) with a status and a history.

-- Where each item is and in which state: in-stock (at a location), in-transit (at a warehouse's
-- TRANSIT location), dispatched (left through a portal), scrapped (written off).
ALTER TABLE epc_item
    ADD COLUMN lot    text NOT NULL DEFAULT '',
    ADD COLUMN status text NOT NULL DEFAULT 'in-stock'
        CHECK (status IN ('in-stock', 'in-transit', 'dispatched', 'scrapped')),
    -- The device time of the last device movement naming the item: a device event older than that
    -- (arriving late) does not move the item back. Manual operations (server time) leave it alone, so
    -- a device clock behind the server's never blocks a device fact that follows a manual operation.
    ADD COLUMN device_seen timestamptz;
UPDATE epc_item SET device_seen = last_seen;
-- Items whose last movement took them out of their location left through a portal.
UPDATE epc_item e SET status = 'dispatched'
FROM stock_ledger l
WHERE l.event_id = e.last_event_id AND l.quantity < 0 AND l.epcs @> ARRAY[e.epc];

-- An item's history is every ledger row that names it. Partial, so the many rows of counted goods
-- (no EPCs) never touch the index.
CREATE INDEX stock_ledger_epcs ON stock_ledger USING gin (epcs) WHERE cardinality(epcs) > 0;

-- Sightings that are not ledger rows: device events naming tags (e.g. unresolved-tags of a portal
-- pass) and RFID stocktake sweeps.
CREATE TABLE epc_sighting (
    id        bigserial PRIMARY KEY,
    epc       text NOT NULL,
    source    text NOT NULL,
    source_id text NOT NULL,
    device_id text,
    kind      text NOT NULL,
    warehouse text,
    location  text,
    seen_at   timestamptz NOT NULL,
    detail    jsonb NOT NULL DEFAULT '{}',
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (epc, source, source_id)
);
CREATE INDEX epc_sighting_epc ON epc_sighting (epc, recorded_at);
