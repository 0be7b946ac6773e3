-- StockSense cloud-core schema, version 20: the rules of the exact ledger.
-- Negative stock must be allowed explicitly; manual ledger rows say why and who; transfers between
-- warehouses; alerts when device facts take stock below zero; closing snapshots for "stock as of".

ALTER TABLE product ADD COLUMN allow_negative boolean NOT NULL DEFAULT false;
ALTER TABLE warehouse ADD COLUMN allow_negative boolean NOT NULL DEFAULT false;

-- Cause of a manual row: cause_type/cause_ref say which document (adjustment, scrap, move, transfer),
-- reason and username say why and who. Device rows leave both null.
ALTER TABLE stock_ledger ADD COLUMN reason text;
ALTER TABLE stock_ledger ADD COLUMN username text;
-- "Stock as of" reads the rows of one key range after a snapshot; stock_ledger_recorded (V1) serves
-- the unfiltered range, this one the per-SKU/location range.
CREATE INDEX stock_ledger_key_recorded ON stock_ledger (sku, warehouse, location, recorded_at);
-- The rows of one document (a transfer's ship and receive rows).
CREATE INDEX stock_ledger_cause ON stock_ledger (cause_ref);

-- A transfer between warehouses, in two steps: shipping moves the goods from the source location
-- into the destination warehouse's virtual TRANSIT location, receiving moves them to to_location.
CREATE TABLE stock_transfer (
    id             bigserial PRIMARY KEY,
    sku            text NOT NULL,
    lot            text NOT NULL DEFAULT '',
    quantity       numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit           text NOT NULL,
    from_warehouse text NOT NULL,
    from_location  text NOT NULL,
    to_warehouse   text NOT NULL,
    to_location    text NOT NULL,
    status         text NOT NULL CHECK (status IN ('draft', 'shipped', 'received')),
    note           text,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    shipped_by     text,
    shipped_at     timestamptz,
    received_by    text,
    received_at    timestamptz
);
CREATE INDEX stock_transfer_status ON stock_transfer (status, id DESC);

-- Something the stock supervisor should look at, e.g. a device fact that took stock below zero.
CREATE TABLE inventory_alert (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL,
    sku         text NOT NULL,
    warehouse   text NOT NULL,
    location    text NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz
);
CREATE INDEX inventory_alert_open ON inventory_alert (created_at DESC) WHERE resolved_at IS NULL;

-- Closing snapshots: the level of every non-zero key as of snapshot_at (ledger rows with
-- recorded_at <= snapshot_at). The run row exists even when the stock was empty.
CREATE TABLE stock_snapshot_run (
    snapshot_at timestamptz PRIMARY KEY,
    row_count   int NOT NULL,
    created_by  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stock_snapshot (
    snapshot_at timestamptz NOT NULL REFERENCES stock_snapshot_run (snapshot_at),
    sku         text NOT NULL,
    warehouse   text NOT NULL,
    location    text NOT NULL,
    lot         text NOT NULL DEFAULT '',
    quantity    numeric(18, 3) NOT NULL,
    unit        text NOT NULL,
    PRIMARY KEY (snapshot_at, sku, warehouse, location, lot)
);
