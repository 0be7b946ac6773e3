-- StockSense cloud-core schema, version 100: purchasing. Requisitions, purchase orders with an
-- approval rule, goods receipts (by hand or from inbound portal reads) and purchase returns.
-- Money is numeric with a currency; quantities numeric(18, 3) with the product's unit.

-- Gap-free document numbers: one row per series, locked (SELECT ... FOR UPDATE) by the transaction
-- that issues the next number, so a rolled-back document gives its number back.
CREATE TABLE document_counter (
    series     text PRIMARY KEY,
    next_value bigint NOT NULL DEFAULT 1 CHECK (next_value > 0)
);

-- The approval rule. A purchase order whose total exceeds the threshold of its currency needs an
-- approval; an order at or below it is approved by the rule when submitted.
CREATE TABLE purchase_approval_threshold (
    currency  text PRIMARY KEY,
    threshold numeric(19, 4) NOT NULL CHECK (threshold >= 0)
);
-- Up to which total each role may approve (max_amount NULL: any amount).
CREATE TABLE purchase_approval_limit (
    role       text NOT NULL,
    currency   text NOT NULL,
    max_amount numeric(19, 4),
    PRIMARY KEY (role, currency)
);
INSERT INTO purchase_approval_threshold (currency, threshold) VALUES ('EUR', 1000), ('USD', 1000), ('CNY', 8000);
INSERT INTO purchase_approval_limit (role, currency, max_amount) VALUES
    ('admin', 'EUR', NULL), ('admin', 'USD', NULL), ('admin', 'CNY', NULL),
    ('supervisor', 'EUR', 25000), ('supervisor', 'USD', 25000), ('supervisor', 'CNY', 200000),
    ('purchaser', 'EUR', 1000), ('purchaser', 'USD', 1000), ('purchaser', 'CNY', 8000);

CREATE TABLE purchase_order (
    id              bigserial PRIMARY KEY,
    number          text NOT NULL UNIQUE,
    supplier        text NOT NULL REFERENCES supplier (code),
    warehouse       text NOT NULL REFERENCES warehouse (code),
    location        text NOT NULL,
    currency        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved', 'sent',
                        'partially-received', 'received', 'closed', 'cancelled')),
    order_date      date NOT NULL,
    expected_date   date,
    tolerance_pct   numeric(5, 2) NOT NULL DEFAULT 0 CHECK (tolerance_pct >= 0 AND tolerance_pct <= 100),
    net_total       numeric(19, 4) NOT NULL,
    note            text,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    approved_by     text,
    approved_at     timestamptz,
    sent_by         text,
    sent_at         timestamptz,
    closed_at       timestamptz,
    FOREIGN KEY (warehouse, location) REFERENCES location (warehouse, code)
);
CREATE INDEX purchase_order_open ON purchase_order (warehouse, status, id);

CREATE TABLE purchase_order_line (
    po_id      bigint NOT NULL REFERENCES purchase_order (id),
    line_no    int NOT NULL,
    sku        text NOT NULL REFERENCES product (sku),
    quantity   numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit       text NOT NULL,
    unit_price numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
    vat_rate   numeric(6, 4) NOT NULL DEFAULT 0 CHECK (vat_rate >= 0),
    received   numeric(18, 3) NOT NULL DEFAULT 0,
    returned   numeric(18, 3) NOT NULL DEFAULT 0,
    invoiced   numeric(18, 3) NOT NULL DEFAULT 0,
    PRIMARY KEY (po_id, line_no)
);
CREATE INDEX purchase_order_line_sku ON purchase_order_line (sku);

CREATE TABLE requisition (
    id           bigserial PRIMARY KEY,
    sku          text NOT NULL REFERENCES product (sku),
    warehouse    text NOT NULL REFERENCES warehouse (code),
    quantity     numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit         text NOT NULL,
    supplier     text REFERENCES supplier (code),
    needed_by    date,
    source       text NOT NULL CHECK (source IN ('manual', 'forecast')),
    status       text NOT NULL CHECK (status IN ('open', 'ordered', 'cancelled')),
    note         text,
    detail       jsonb NOT NULL DEFAULT '{}',
    po_id        bigint REFERENCES purchase_order (id),
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requisition_status ON requisition (status, id DESC);

-- A receipt books goods in against order lines. source 'portal': the goods were posted to the ledger
-- by the device movement event_id (the receipt only records what it accounts for); 'manual': the
-- receipt posted them itself.
CREATE TABLE goods_receipt (
    id          bigserial PRIMARY KEY,
    po_id       bigint NOT NULL REFERENCES purchase_order (id),
    source      text NOT NULL CHECK (source IN ('manual', 'portal')),
    event_id    text,
    device_id   text,
    warehouse   text NOT NULL,
    location    text NOT NULL,
    receipt_date date NOT NULL,
    received_by text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goods_receipt_po ON goods_receipt (po_id);

CREATE TABLE goods_receipt_line (
    receipt_id bigint NOT NULL REFERENCES goods_receipt (id),
    po_line_no int NOT NULL,
    sku        text NOT NULL,
    quantity   numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit       text NOT NULL,
    unit_cost  numeric(19, 4) NOT NULL,
    epcs       text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (receipt_id, po_line_no)
);

CREATE TABLE purchase_return (
    id          bigserial PRIMARY KEY,
    po_id       bigint NOT NULL REFERENCES purchase_order (id),
    warehouse   text NOT NULL,
    location    text NOT NULL,
    return_date date NOT NULL,
    reason      text,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE purchase_return_line (
    return_id  bigint NOT NULL REFERENCES purchase_return (id),
    po_line_no int NOT NULL,
    sku        text NOT NULL,
    quantity   numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit       text NOT NULL,
    unit_cost  numeric(19, 4) NOT NULL,
    PRIMARY KEY (return_id, po_line_no)
);
