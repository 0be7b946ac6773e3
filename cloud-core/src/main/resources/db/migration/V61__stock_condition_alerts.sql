-- StockSense cloud-core schema, version 61: alerts on stock conditions (low stock, overstock,
-- expiring and expired lots), kept as ONE open alert per kind × SKU × warehouse × lot.

-- Warehouse-wide alerts name no location; lot alerts name their lot ('' for the others).
ALTER TABLE inventory_alert ALTER COLUMN location DROP NOT NULL;
ALTER TABLE inventory_alert ADD COLUMN lot text NOT NULL DEFAULT '';

-- Evaluation upserts against this index (ON CONFLICT), so concurrent evaluations never open a second
-- alert for a condition, and resolves the open alerts whose condition no longer holds.
CREATE UNIQUE INDEX inventory_alert_open_condition ON inventory_alert (kind, sku, warehouse, lot)
    WHERE kind IN ('low-stock', 'overstock', 'expiring-lot', 'expired-lot') AND resolved_at IS NULL;

-- One row: how many days before its expiry date a lot in stock is reported as expiring.
CREATE TABLE inventory_alert_settings (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    expiring_within_days int NOT NULL DEFAULT 30 CHECK (expiring_within_days BETWEEN 0 AND 3650),
    updated_by           text,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
INSERT INTO inventory_alert_settings DEFAULT VALUES;
