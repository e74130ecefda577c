-- Rollups the importer maintains in each import's transaction, so the API never scans order lines.
-- Every column is additive over days, platforms, shops and provinces: an order lies in exactly one of each.
CREATE TABLE IF NOT EXISTS sales_daily (
    day                    TEXT NOT NULL,     -- payment day, Beijing time
    platform               TEXT NOT NULL,
    shop                   TEXT NOT NULL,
    province_code          TEXT NOT NULL,     -- '' for unknown
    orders                 INTEGER NOT NULL,
    gmv_fen                INTEGER NOT NULL,
    refund_fen             INTEGER NOT NULL,
    units                  INTEGER NOT NULL,
    buyer_orders           INTEGER NOT NULL,  -- orders that have a buyer key
    buyer_gmv_fen          INTEGER NOT NULL,  -- their gmv (客单价's numerator)
    estimated_buyer_orders INTEGER NOT NULL,  -- orders whose buyer is a receiver fingerprint
    PRIMARY KEY (day, platform, shop, province_code)
) WITHOUT ROWID;

-- Per product: `orders` counts the orders that contain the product, so it is additive per product, not across products.
CREATE TABLE IF NOT EXISTS product_daily (
    day           TEXT NOT NULL,
    platform      TEXT NOT NULL,
    shop          TEXT NOT NULL,
    product_id    TEXT NOT NULL,
    province_code TEXT NOT NULL,
    orders        INTEGER NOT NULL,
    gmv_fen       INTEGER NOT NULL,
    refund_fen    INTEGER NOT NULL,
    units         INTEGER NOT NULL,
    PRIMARY KEY (day, platform, shop, product_id, province_code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS product_daily_by_product ON product_daily (platform, product_id, day);

-- A product's latest title, as the newest export names it.
CREATE TABLE IF NOT EXISTS products (
    platform    TEXT NOT NULL,
    shop        TEXT NOT NULL,
    product_id  TEXT NOT NULL,
    title       TEXT,
    observed_at TEXT NOT NULL,
    PRIMARY KEY (platform, shop, product_id)
) WITHOUT ROWID;

-- One index on payment time serves the rollup rebuilds, raw queries and distinct buyers, which are not additive and
-- are counted from orders: it covers every column those read, so no order row is visited.
DROP INDEX IF EXISTS orders_by_paid_at;
CREATE INDEX IF NOT EXISTS orders_by_paid_at ON orders (paid_at, platform, shop, province_code, buyer_key);

-- The latest payment time each file carried: 数据截至 per platform and shop without scanning orders.
ALTER TABLE imports ADD COLUMN latest_paid_at TEXT;
