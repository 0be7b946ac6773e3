-- StockSense cloud-core schema, version 120: finance. Inventory costing (moving weighted average or
-- FIFO per product), a double-entry journal every business document posts to, customer and supplier
-- invoices, payments and their allocation. Amounts are numeric(19, 2) in the document's currency.

CREATE TABLE account (
    code text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'revenue', 'expense'))
);
INSERT INTO account (code, name, kind) VALUES
    ('1000', 'Cash', 'asset'),
    ('1010', 'Bank', 'asset'),
    ('1020', 'Card clearing', 'asset'),
    ('1030', 'Vouchers clearing', 'asset'),
    ('1100', 'Accounts receivable', 'asset'),
    ('1200', 'Inventory', 'asset'),
    ('1300', 'VAT receivable (input)', 'asset'),
    ('2000', 'Accounts payable', 'liability'),
    ('2100', 'Goods received not invoiced', 'liability'),
    ('2200', 'VAT payable (output)', 'liability'),
    ('3000', 'Equity', 'equity'),
    ('4000', 'Sales revenue', 'revenue'),
    ('5000', 'Cost of goods sold', 'expense'),
    ('5100', 'Purchase price variance', 'expense');

CREATE TABLE journal_entry (
    id         bigserial PRIMARY KEY,
    entry_date date NOT NULL,
    doc_type   text NOT NULL,
    doc_ref    text NOT NULL,
    memo       text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entry_date ON journal_entry (entry_date);
CREATE INDEX journal_entry_doc ON journal_entry (doc_ref);

CREATE TABLE journal_line (
    entry_id bigint NOT NULL REFERENCES journal_entry (id),
    line_no  int NOT NULL,
    account  text NOT NULL REFERENCES account (code),
    debit    numeric(19, 2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit   numeric(19, 2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
    party    text,
    PRIMARY KEY (entry_id, line_no),
    CHECK (debit = 0 OR credit = 0)
);
CREATE INDEX journal_line_account ON journal_line (account);
CREATE INDEX journal_line_party ON journal_line (party, account) WHERE party IS NOT NULL;

-- Every entry balances: checked at commit (deferred), so an entry's lines may be inserted one by one.
CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d numeric;
    c numeric;
BEGIN
    SELECT COALESCE(SUM(debit), 0), COALESCE(SUM(credit), 0) INTO d, c FROM journal_line WHERE entry_id = NEW.entry_id;
    IF d <> c THEN
        RAISE EXCEPTION 'journal entry % does not balance: debits % <> credits %', NEW.entry_id, d, c
            USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT OR UPDATE ON journal_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();

-- Costing per product: method, the costed quantity and its value, and FIFO layers.
CREATE TABLE product_costing (
    sku      text PRIMARY KEY REFERENCES product (sku),
    method   text NOT NULL DEFAULT 'average' CHECK (method IN ('average', 'fifo')),
    quantity numeric(18, 3) NOT NULL DEFAULT 0,
    value    numeric(19, 2) NOT NULL DEFAULT 0
);

CREATE TABLE cost_layer (
    id            bigserial PRIMARY KEY,
    sku           text NOT NULL REFERENCES product (sku),
    layer_date    date NOT NULL,
    source_ref    text NOT NULL,
    quantity_in   numeric(18, 3) NOT NULL,
    quantity_left numeric(18, 3) NOT NULL CHECK (quantity_left >= 0),
    unit_cost     numeric(19, 4) NOT NULL
);
CREATE INDEX cost_layer_open ON cost_layer (sku, id) WHERE quantity_left > 0;

-- Customer invoices and credit notes (kind), numbered gap-free per series (INV, CN).
CREATE TABLE customer_invoice (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL UNIQUE,
    kind         text NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
    customer     text NOT NULL REFERENCES customer (code),
    so_id        bigint REFERENCES sales_order (id),
    invoice_date date NOT NULL,
    due_date     date NOT NULL,
    currency     text NOT NULL,
    net          numeric(19, 2) NOT NULL,
    vat          numeric(19, 2) NOT NULL,
    gross        numeric(19, 2) NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_invoice_customer ON customer_invoice (customer, invoice_date);

CREATE TABLE customer_invoice_line (
    invoice_id   bigint NOT NULL REFERENCES customer_invoice (id),
    line_no      int NOT NULL,
    so_line_no   int,
    sku          text NOT NULL,
    quantity     numeric(18, 3) NOT NULL,
    unit_price   numeric(19, 4) NOT NULL,
    discount_pct numeric(5, 2) NOT NULL DEFAULT 0,
    vat_rate     numeric(6, 4) NOT NULL,
    net          numeric(19, 2) NOT NULL,
    vat          numeric(19, 2) NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE supplier_invoice (
    id                 bigserial PRIMARY KEY,
    number             text NOT NULL UNIQUE,
    supplier_reference text,
    supplier           text NOT NULL REFERENCES supplier (code),
    po_id              bigint REFERENCES purchase_order (id),
    invoice_date       date NOT NULL,
    due_date           date NOT NULL,
    currency           text NOT NULL,
    net                numeric(19, 2) NOT NULL,
    vat                numeric(19, 2) NOT NULL,
    gross              numeric(19, 2) NOT NULL,
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supplier_invoice_supplier ON supplier_invoice (supplier, invoice_date);

CREATE TABLE supplier_invoice_line (
    invoice_id bigint NOT NULL REFERENCES supplier_invoice (id),
    po_line_no int NOT NULL,
    sku        text NOT NULL,
    quantity   numeric(18, 3) NOT NULL CHECK (quantity > 0),
    unit_price numeric(19, 4) NOT NULL,
    vat_rate   numeric(6, 4) NOT NULL,
    net        numeric(19, 2) NOT NULL,
    vat        numeric(19, 2) NOT NULL,
    PRIMARY KEY (invoice_id, po_line_no)
);

-- Money in from customers (direction 'in') and out to suppliers ('out'), allocated to invoices.
CREATE TABLE payment (
    id           bigserial PRIMARY KEY,
    number       text NOT NULL UNIQUE,
    direction    text NOT NULL CHECK (direction IN ('in', 'out')),
    party        text NOT NULL,
    method       text NOT NULL CHECK (method IN ('cash', 'bank', 'card')),
    amount       numeric(19, 2) NOT NULL CHECK (amount > 0),
    currency     text NOT NULL,
    payment_date date NOT NULL,
    reference    text,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment_allocation (
    payment_id       bigint NOT NULL REFERENCES payment (id),
    customer_invoice bigint REFERENCES customer_invoice (id),
    supplier_invoice bigint REFERENCES supplier_invoice (id),
    amount           numeric(19, 2) NOT NULL CHECK (amount > 0),
    CHECK ((customer_invoice IS NULL) <> (supplier_invoice IS NULL))
);
CREATE INDEX payment_allocation_customer ON payment_allocation (customer_invoice);
CREATE INDEX payment_allocation_supplier ON payment_allocation (supplier_invoice);
