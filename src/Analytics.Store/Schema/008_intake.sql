-- Trustworthy intake: order versions from the data, a shop registry with fixed platforms, withdrawal, the archive.

-- Shops are a registry. Who registered a shop decides whether seeds/shops.csv may still change its enterprise
-- (seed and import: yes; cli: the bureau set it by hand, so it stays).
ALTER TABLE shops ADD COLUMN registered_by TEXT NOT NULL DEFAULT 'seed';   -- seed | import | cli
ALTER TABLE shops ADD COLUMN registered_at TEXT;

-- Names a shop had before `shops rename` or `shops merge`: an export naming one lands in the shop it became, and
-- seeds/shops.csv does not bring the old name back.
CREATE TABLE IF NOT EXISTS shop_aliases (
    alias    TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    shop     TEXT NOT NULL
);

-- Every shop the data already holds is registered, on the platform its orders came from.
INSERT OR IGNORE INTO shops (platform, shop, enterprise, registered_by)
SELECT DISTINCT platform, shop, shop, 'import' FROM orders;
INSERT OR IGNORE INTO shops (platform, shop, enterprise, registered_by)
SELECT DISTINCT platform, shop, shop, 'import' FROM imports WHERE status = 'landed' AND platform IS NOT NULL AND shop IS NOT NULL;

-- status: landed | rejected | duplicate (the same bytes had landed: nothing changed) | withdrawn.
ALTER TABLE imports ADD COLUMN file_latest_at TEXT;      -- the latest time written anywhere in the file: the tie-break of order versions
ALTER TABLE imports ADD COLUMN archived_as TEXT;         -- the file's copy, relative to the archive folder
ALTER TABLE imports ADD COLUMN same_as_import_id INTEGER;
ALTER TABLE imports ADD COLUMN orders_older_kept INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN shop_registered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN withdrawn_at TEXT;
ALTER TABLE imports ADD COLUMN withdrawn_by TEXT;
CREATE INDEX IF NOT EXISTS imports_by_shop ON imports (platform, shop, status);

ALTER TABLE import_problems ADD COLUMN reason_en TEXT;

-- What was done to the data other than importing: withdrawals, shop registrations, renames and merges, rebuilds.
-- Its id moves the data version together with the import log's.
CREATE TABLE IF NOT EXISTS store_events (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    kind   TEXT NOT NULL,    -- withdraw | shop-add | shop-rename | shop-merge | rebuild
    actor  TEXT NOT NULL,
    detail TEXT NOT NULL
);
