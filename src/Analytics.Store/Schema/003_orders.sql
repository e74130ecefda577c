-- Orders as METRICS.md defines them: identity (platform, shop, order id); money in integer fen; times Beijing text.
-- Names, phone numbers and street addresses are never stored; the buyer is a keyed hash.
CREATE TABLE IF NOT EXISTS orders (
    platform            TEXT NOT NULL,
    shop                TEXT NOT NULL,
    order_id            TEXT NOT NULL,
    paid_at             TEXT,               -- null: never paid, never counts
    payment_time_source TEXT NOT NULL,      -- column | order-created-column | order-number-date | none
    status              TEXT,
    province_code       TEXT,               -- null: unknown, counted apart
    city                TEXT,
    district            TEXT,
    buyer_key           TEXT,
    buyer_source        TEXT NOT NULL,      -- account | receiver-fingerprint (an estimate) | none
    gmv_fen             INTEGER NOT NULL,   -- Σ buyer-paid amount of the lines
    refund_fen          INTEGER NOT NULL,
    units               INTEGER NOT NULL,
    line_count          INTEGER NOT NULL,
    observed_at         TEXT NOT NULL,      -- export time of the data; a newer export wins
    first_import_id     INTEGER NOT NULL,
    last_import_id      INTEGER NOT NULL,
    PRIMARY KEY (platform, shop, order_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS orders_by_paid_at ON orders (paid_at);

CREATE TABLE IF NOT EXISTS order_lines (
    platform          TEXT NOT NULL,
    shop              TEXT NOT NULL,
    order_id          TEXT NOT NULL,
    line_id           TEXT NOT NULL,
    product_id        TEXT,
    product_title     TEXT,
    quantity          INTEGER NOT NULL,
    amount_fen        INTEGER NOT NULL,
    refund_fen        INTEGER NOT NULL,
    status            TEXT,
    after_sale_status TEXT,
    observed_at       TEXT NOT NULL,
    first_import_id   INTEGER NOT NULL,
    last_import_id    INTEGER NOT NULL,
    PRIMARY KEY (platform, shop, order_id, line_id)
) WITHOUT ROWID;
