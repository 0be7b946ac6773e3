-- StockSense cloud-core schema, version 40: stocktakes and reconciliation (shelf counts, shrinkage).

-- A stocktake counts a zone (or a list of locations) of one warehouse. Its expected quantities are
-- the stock levels read in the creating statement's MVCC snapshot, so they are exact as of
-- snapshot_at even while movements continue: a movement committed later is not in them, and
-- posting only corrects the difference counted - expected.
CREATE TABLE stocktake (
    id          bigserial PRIMARY KEY,
    warehouse   text NOT NULL REFERENCES warehouse (code),
    zone        text,
    locations   text[] NOT NULL,
    status      text NOT NULL CHECK (status IN ('open', 'counted', 'posted')),
    snapshot_at timestamptz NOT NULL,
    created_by  text NOT NULL,
    posted_at   timestamptz,
    posted_by   text,
    reason      text
);

CREATE TABLE stocktake_line (
    stocktake_id bigint NOT NULL REFERENCES stocktake (id),
    sku          text NOT NULL,
    location     text NOT NULL,
    lot          text NOT NULL DEFAULT '',
    unit         text NOT NULL,
    expected     numeric(18, 3) NOT NULL,
    counted      numeric(18, 3),
    counted_by   text,
    counted_at   timestamptz,
    PRIMARY KEY (stocktake_id, sku, location, lot)
);

-- What a device (or a person) observed on a shelf; kept as evidence, the latest per key is what
-- POST /inventory/reconcile compares again.
CREATE TABLE shelf_observation (
    id          bigserial PRIMARY KEY,
    device_id   text NOT NULL,
    sku         text NOT NULL,
    warehouse   text NOT NULL,
    location    text NOT NULL,
    count       numeric(18, 3) NOT NULL,
    evidence    jsonb NOT NULL DEFAULT '{}',
    observed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shelf_observation_key ON shelf_observation (warehouse, location, sku, id DESC);

-- At most one open variance per SKU × location: a repeated observation updates it (ON CONFLICT).
CREATE UNIQUE INDEX inventory_alert_open_variance ON inventory_alert (sku, warehouse, location)
    WHERE kind = 'variance' AND resolved_at IS NULL;
CREATE INDEX inventory_alert_kind ON inventory_alert (kind, id DESC);
