-- Fewer and cheaper ledger indexes: every posting pays for each one (README "Benchmarks", ledger).
--
-- stock_ledger_sku (sku, recorded_at DESC) repeats the leading column of stock_ledger_key_recorded
-- (sku, warehouse, location, recorded_at), which serves every filter by SKU as well.
DROP INDEX IF EXISTS stock_ledger_sku;

-- recorded_at is stamped by clock_timestamp() as rows are appended, so the heap is in recorded_at
-- order: a BRIN index (a few pages for the whole table) finds "the rows after the snapshot" as well as
-- the B-tree did, at a fraction of its cost per insert. Ranges appended since the last VACUUM are not
-- summarized yet and are always read, which is exactly the recent tail "stock as of" wants.
DROP INDEX IF EXISTS stock_ledger_recorded;
CREATE INDEX stock_ledger_recorded ON stock_ledger USING brin (recorded_at) WITH (pages_per_range = 32, autosummarize = on);
