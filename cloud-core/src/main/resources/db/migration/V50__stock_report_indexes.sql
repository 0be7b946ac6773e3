-- Indexes for the stock reports on a large ledger (README "Benchmarks", LedgerLoadHarness).
-- GET /api/v1/stock lists levels ORDER BY warehouse, location, sku, lot: read in that order from an
-- index instead of sorting the whole table.
CREATE INDEX stock_level_report_order ON stock_level (warehouse, location, sku, lot);
-- GET /api/v1/stock?asOf= reads the base snapshot of one warehouse in the report order, so the merge
-- with the (few) ledger rows after it needs no sort of the snapshot.
CREATE INDEX stock_snapshot_report_order ON stock_snapshot (snapshot_at, warehouse, location, sku, lot);
