-- StockSense cloud-core schema, version 130: point of sale. A POS sale is scanned by barcode, paid by
-- one or more methods, takes its goods out of the shop location, and is numbered gap-free (POS series).

CREATE TABLE pos_sale (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL UNIQUE,
    warehouse    text NOT NULL,
    location     text NOT NULL,
    sale_date    date NOT NULL,
    currency     text NOT NULL,
    net          numeric(19, 2) NOT NULL,
    vat          numeric(19, 2) NOT NULL,
    gross        numeric(19, 2) NOT NULL,
    discount     numeric(19, 2) NOT NULL,
    paid         numeric(19, 2) NOT NULL,
    change_given numeric(19, 2) NOT NULL,
    cashier      text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (warehouse, location) REFERENCES location (warehouse, code)
);
CREATE INDEX pos_sale_date ON pos_sale (sale_date);

CREATE TABLE pos_sale_line (
    sale_id      bigint NOT NULL REFERENCES pos_sale (id),
    line_no      int NOT NULL,
    barcode      text NOT NULL,
    sku          text NOT NULL REFERENCES product (sku),
    quantity     numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit         text NOT NULL,
    unit_price   numeric(19, 4) NOT NULL,
    discount_pct numeric(7, 4) NOT NULL,
    vat_rate     numeric(6, 4) NOT NULL,
    net          numeric(19, 2) NOT NULL,
    vat          numeric(19, 2) NOT NULL,
    cogs         numeric(19, 2) NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE pos_payment (
    sale_id bigint NOT NULL REFERENCES pos_sale (id),
    method  text NOT NULL CHECK (method IN ('cash', 'card', 'voucher')),
    amount  numeric(19, 2) NOT NULL CHECK (amount > 0)
);
