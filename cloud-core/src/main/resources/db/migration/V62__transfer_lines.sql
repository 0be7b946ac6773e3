-- StockSense cloud-core schema, version 62: transfers with many lines, received line by line.
-- The SKU, lot and quantity move from the transfer to its lines; the transfer's from_location becomes
-- the default of lines that name none. A line is shipped with its transfer and received in one or
-- more steps (received <= quantity); quantity - received of a shipped line is in transit.
CREATE TABLE stock_transfer_line (
    transfer_id   bigint NOT NULL REFERENCES stock_transfer (id),
    line_no       int NOT NULL CHECK (line_no >= 1),
    sku           text NOT NULL,
    lot           text NOT NULL DEFAULT '',
    quantity      numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit          text NOT NULL,
    from_location text NOT NULL,
    received      numeric(18, 3) NOT NULL DEFAULT 0,
    epcs          text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (transfer_id, line_no),
    CONSTRAINT stock_transfer_line_received CHECK (received >= 0 AND received <= quantity)
);

INSERT INTO stock_transfer_line (transfer_id, line_no, sku, lot, quantity, unit, from_location, received)
SELECT id, 1, sku, lot, quantity, unit, from_location, CASE WHEN status = 'received' THEN quantity ELSE 0 END
FROM stock_transfer;

ALTER TABLE stock_transfer DROP COLUMN sku, DROP COLUMN lot, DROP COLUMN quantity, DROP COLUMN unit;
ALTER TABLE stock_transfer ALTER COLUMN from_location DROP NOT NULL;
ALTER TABLE stock_transfer DROP CONSTRAINT stock_transfer_status_check;
ALTER TABLE stock_transfer ADD CONSTRAINT stock_transfer_status_check
    CHECK (status IN ('draft', 'shipped', 'partially-received', 'received'));
