-- Index for the stock balance report on a large ledger (README "Benchmarks", LedgerLoadHarness).
-- GET /api/v1/stock lists levels ORDER BY warehouse, location, sku, lot; the primary key leads with
-- sku, so a filter on one warehouse or location had no index to read in that order from.
CREATE INDEX stock_level_report_order ON stock_level (warehouse, location, sku, lot);
