-- StockSense cloud-core schema, version 150: valuation of stock changes without a document, supplier
-- debit notes, per-product VAT rates and the POS price basis.

-- Stock changes no business document values: adjustments, stocktake variances and device movements that no
-- order or shipment accounts for go to 5200; scrap is written off to 5300.
INSERT INTO account (code, name, kind) VALUES
    ('5200', 'Inventory gains and losses', 'expense'),
    ('5300', 'Stock write-off (scrap)', 'expense');

-- A supplier debit note (goods returned after the supplier invoiced them) is a supplier document with
-- negative amounts, like a customer credit note: kind tells them apart, and its lines carry negative quantities.
ALTER TABLE supplier_invoice ADD COLUMN kind text NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'debit-note'));
ALTER TABLE supplier_invoice ADD COLUMN return_id bigint REFERENCES purchase_return (id);
ALTER TABLE supplier_invoice_line DROP CONSTRAINT supplier_invoice_line_quantity_check;
ALTER TABLE supplier_invoice_line ADD CONSTRAINT supplier_invoice_line_quantity_nonzero CHECK (quantity <> 0);

-- The VAT rate of a product's sales (0.07 for 7%); NULL means the standard rate of tax_rate.
ALTER TABLE product ADD COLUMN vat_rate numeric(6, 4) CHECK (vat_rate IS NULL OR (vat_rate >= 0 AND vat_rate < 1));

-- Settings of the business flows, one row per key.
CREATE TABLE business_setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);
-- POS sale prices are net (VAT added at the till) or gross (VAT included, taken out of the price).
INSERT INTO business_setting (key, value) VALUES ('pos-prices', 'net');
