-- StockSense cloud-core schema, version 110: sales. Sales orders, stock reservations, shipments (by
-- hand or from outbound portal reads) and sales returns.

-- VAT rates by code; 'standard' is the default of document lines that state none.
CREATE TABLE tax_rate (
    code text PRIMARY KEY,
    rate numeric(6, 4) NOT NULL CHECK (rate >= 0)
);
INSERT INTO tax_rate (code, rate) VALUES ('standard', 0.20), ('reduced', 0.07), ('zero', 0);

CREATE TABLE sales_order (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL UNIQUE,
    customer     text NOT NULL REFERENCES customer (code),
    warehouse    text NOT NULL REFERENCES warehouse (code),
    location     text NOT NULL,
    currency     text NOT NULL,
    status       text NOT NULL CHECK (status IN ('draft', 'confirmed', 'picking', 'partially-shipped', 'shipped',
                     'completed', 'cancelled')),
    order_date   date NOT NULL,
    net_total    numeric(19, 2) NOT NULL,
    vat_total    numeric(19, 2) NOT NULL,
    gross_total  numeric(19, 2) NOT NULL,
    note         text,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    confirmed_by text,
    confirmed_at timestamptz,
    FOREIGN KEY (warehouse, location) REFERENCES location (warehouse, code)
);
CREATE INDEX sales_order_customer ON sales_order (customer, status);

CREATE TABLE sales_order_line (
    so_id        bigint NOT NULL REFERENCES sales_order (id),
    line_no      int NOT NULL,
    sku          text NOT NULL REFERENCES product (sku),
    quantity     numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit         text NOT NULL,
    unit_price   numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
    discount_pct numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_pct >= 0 AND discount_pct <= 100),
    vat_rate     numeric(6, 4) NOT NULL,
    net          numeric(19, 2) NOT NULL,
    vat          numeric(19, 2) NOT NULL,
    shipped      numeric(18, 3) NOT NULL DEFAULT 0,
    returned     numeric(18, 3) NOT NULL DEFAULT 0,
    invoiced     numeric(18, 3) NOT NULL DEFAULT 0,
    PRIMARY KEY (so_id, line_no)
);

-- Stock promised to an order line and not yet shipped, at the key it will leave from. Available stock
-- of a key is its level minus the sum of its reservations, read after locking the level row, so two
-- confirmations racing for the same units are serialized by PostgreSQL.
CREATE TABLE stock_reservation (
    so_id     bigint NOT NULL,
    line_no   int NOT NULL,
    sku       text NOT NULL,
    warehouse text NOT NULL,
    location  text NOT NULL,
    lot       text NOT NULL DEFAULT '',
    quantity  numeric(18, 3) NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (so_id, line_no),
    FOREIGN KEY (so_id, line_no) REFERENCES sales_order_line (so_id, line_no)
);
CREATE INDEX stock_reservation_key ON stock_reservation (sku, warehouse, location, lot);

CREATE TABLE shipment (
    id          bigserial PRIMARY KEY,
    so_id       bigint NOT NULL REFERENCES sales_order (id),
    source      text NOT NULL CHECK (source IN ('manual', 'portal')),
    event_id    text,
    device_id   text,
    warehouse   text NOT NULL,
    location    text NOT NULL,
    ship_date   date NOT NULL,
    shipped_by  text NOT NULL,
    shipped_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipment_so ON shipment (so_id);

-- cogs: the cost of the goods shipped, set by costing in the same transaction.
CREATE TABLE shipment_line (
    shipment_id bigint NOT NULL REFERENCES shipment (id),
    so_line_no  int NOT NULL,
    sku         text NOT NULL,
    quantity    numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit        text NOT NULL,
    cogs        numeric(19, 2),
    epcs        text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (shipment_id, so_line_no)
);

CREATE TABLE sales_return (
    id          bigserial PRIMARY KEY,
    so_id       bigint NOT NULL REFERENCES sales_order (id),
    warehouse   text NOT NULL,
    location    text NOT NULL,
    inspection  boolean NOT NULL,
    return_date date NOT NULL,
    reason      text,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sales_return_line (
    return_id  bigint NOT NULL REFERENCES sales_return (id),
    so_line_no int NOT NULL,
    sku        text NOT NULL,
    quantity   numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit       text NOT NULL,
    cost       numeric(19, 2),
    PRIMARY KEY (return_id, so_line_no)
);
