-- StockSense cloud-core schema, version 60: lots as master data.
-- A lot of a lot- or expiry-tracked product: its code, expiry date and optional production date.
-- Stock levels and ledger rows keep the lot code in their key (V1); this table says when it expires.
CREATE TABLE stock_lot (
    sku             text NOT NULL REFERENCES product (sku) ON DELETE CASCADE,
    lot             text NOT NULL CHECK (lot <> ''),
    expiry_date     date,
    production_date date,
    note            text,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, lot),
    CONSTRAINT stock_lot_dates CHECK (production_date IS NULL OR expiry_date IS NULL OR production_date <= expiry_date)
);
-- The expiry alerts and GET /api/v1/lots?expiresBefore= read lots by date.
CREATE INDEX stock_lot_expiry ON stock_lot (expiry_date) WHERE expiry_date IS NOT NULL;
