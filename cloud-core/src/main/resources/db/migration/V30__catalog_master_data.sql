-- Master data maintained through the REST API (catalog context): full product attributes, customers,
-- suppliers, warehouse addresses, a location tree with capacities. Money is numeric + ISO 4217 currency.

ALTER TABLE product
    ADD COLUMN spec              text,
    ADD COLUMN model             text,
    ADD COLUMN category          text,
    ADD COLUMN barcodes          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN purchase_price    numeric(19, 4),
    ADD COLUMN purchase_currency text,
    ADD COLUMN sale_price        numeric(19, 4),
    ADD COLUMN sale_currency     text,
    ADD COLUMN min_stock         numeric(18, 3),
    ADD COLUMN max_stock         numeric(18, 3),
    ADD COLUMN track_lot         boolean NOT NULL DEFAULT false,
    ADD COLUMN track_expiry      boolean NOT NULL DEFAULT false,
    ADD COLUMN track_serial      boolean NOT NULL DEFAULT false,
    ADD COLUMN active            boolean NOT NULL DEFAULT true,
    ADD COLUMN created_at        timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT product_purchase_price_money CHECK ((purchase_price IS NULL) = (purchase_currency IS NULL)),
    ADD CONSTRAINT product_sale_price_money CHECK ((sale_price IS NULL) = (sale_currency IS NULL));
CREATE INDEX product_name_lower ON product (lower(name));

CREATE TABLE customer (
    code            text PRIMARY KEY,
    name            text NOT NULL,
    contact         text,
    phone           text,
    email           text,
    address         text,
    credit_limit    numeric(19, 4),
    credit_currency text,
    rating          int,
    active          boolean NOT NULL DEFAULT true,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_credit_money CHECK ((credit_limit IS NULL) = (credit_currency IS NULL))
);

CREATE TABLE supplier (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    contact        text,
    phone          text,
    email          text,
    address        text,
    lead_time_days int,
    rating         int,
    active         boolean NOT NULL DEFAULT true,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE warehouse ADD COLUMN address text;

-- The location tree: a parent lives in the same warehouse. Cycles are refused by the API before writing.
ALTER TABLE location
    ADD COLUMN parent   text,
    ADD COLUMN capacity numeric(18, 3),
    ADD CONSTRAINT location_parent FOREIGN KEY (warehouse, parent) REFERENCES location (warehouse, code);
CREATE INDEX location_parent_idx ON location (warehouse, parent);
