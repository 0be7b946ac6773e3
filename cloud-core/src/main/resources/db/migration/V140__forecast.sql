-- StockSense cloud-core schema, version 140: demand history imported for forecasting (e.g. sales
-- before this system ran). Shipments and POS sales add to it when the forecast reads a SKU's history.
CREATE TABLE demand_history (
    sku       text NOT NULL REFERENCES product (sku),
    warehouse text NOT NULL REFERENCES warehouse (code),
    day       date NOT NULL,
    quantity  numeric(18, 3) NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (sku, warehouse, day)
);
