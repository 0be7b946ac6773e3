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

-- The stock report's order is code order: byte order ("C"), whatever the database's locale, so that
-- "stock as of" can sort its (hash-aggregated) rows in Java in the same order instead of PostgreSQL
-- sorting 50,000 rows per request (InventoryQueries.levels, SnapshotStore.levelsAsOf). Replaces V50's index.
DROP INDEX IF EXISTS stock_level_report_order;
CREATE INDEX stock_level_report_order ON stock_level
    (warehouse COLLATE "C", location COLLATE "C", sku COLLATE "C", lot COLLATE "C");

-- A closing snapshot read in that same order, so "stock as of" needs no sort for the snapshot's keys.
CREATE INDEX stock_snapshot_report_order ON stock_snapshot
    (snapshot_at, warehouse COLLATE "C", location COLLATE "C", sku COLLATE "C", lot COLLATE "C");
