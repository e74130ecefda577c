-- Month grain of the daily rollups: a year's question reads twelve months instead of 365 days. Kept exact by applying
-- to the month every change applied to one of its days.
CREATE TABLE IF NOT EXISTS sales_monthly (
    month                  TEXT NOT NULL,     -- YYYY-MM
    platform               TEXT NOT NULL,
    shop                   TEXT NOT NULL,
    province_code          TEXT NOT NULL,
    orders                 INTEGER NOT NULL,
    gmv_fen                INTEGER NOT NULL,
    refund_fen             INTEGER NOT NULL,
    units                  INTEGER NOT NULL,
    buyer_orders           INTEGER NOT NULL,
    buyer_gmv_fen          INTEGER NOT NULL,
    estimated_buyer_orders INTEGER NOT NULL,
    PRIMARY KEY (month, platform, shop, province_code)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS product_monthly (
    month         TEXT NOT NULL,
    platform      TEXT NOT NULL,
    shop          TEXT NOT NULL,
    product_id    TEXT NOT NULL,
    province_code TEXT NOT NULL,
    orders        INTEGER NOT NULL,
    gmv_fen       INTEGER NOT NULL,
    refund_fen    INTEGER NOT NULL,
    units         INTEGER NOT NULL,
    PRIMARY KEY (month, platform, shop, product_id, province_code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS product_monthly_by_product ON product_monthly (platform, product_id, month);

INSERT INTO sales_monthly
SELECT substr(day, 1, 7), platform, shop, province_code, sum(orders), sum(gmv_fen), sum(refund_fen), sum(units),
       sum(buyer_orders), sum(buyer_gmv_fen), sum(estimated_buyer_orders)
FROM sales_daily GROUP BY substr(day, 1, 7), platform, shop, province_code;

INSERT INTO product_monthly
SELECT substr(day, 1, 7), platform, shop, product_id, province_code, sum(orders), sum(gmv_fen), sum(refund_fen), sum(units)
FROM product_daily GROUP BY substr(day, 1, 7), platform, shop, product_id, province_code;
