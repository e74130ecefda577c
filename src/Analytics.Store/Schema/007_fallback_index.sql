-- The report's 数据说明 counts, per period, the orders whose payment time came from another column. Only those few
-- orders are indexed, so the count reads them alone instead of every order of the year (7 s → milliseconds at 10M
-- lines), and an import pays for the index only on such rows. The report's query repeats this IN list verbatim,
-- which is how SQLite knows the partial index applies.
CREATE INDEX IF NOT EXISTS orders_paid_by_fallback ON orders (paid_at, platform, payment_time_source)
    WHERE payment_time_source IN ('order-created-column', 'order-number-date');
