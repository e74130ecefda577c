-- Distinct buyers and repeat buyers are not additive; these make them exact and cheap for any window that starts
-- where a day, week, month, quarter or year starts.
-- A buyer's paid orders in one year, as their days with counts ("0305:2,0411:1"); a buyer key is per platform.
CREATE TABLE IF NOT EXISTS buyer_years (
    platform  TEXT NOT NULL,
    buyer_key TEXT NOT NULL,
    year      INTEGER NOT NULL,
    days      TEXT NOT NULL,
    PRIMARY KEY (platform, buyer_key, year)
) WITHOUT ROWID;

-- Per period (D2023-03-05, W2023-03-06 for the week starting that Monday, M2023-03, Q2023-1, Y2023) and day: how many
-- buyers placed their first, and how many their second, paid order of that period on that day. Buyers of the window
-- [period start, d] = Σ firsts of days ≤ d; buyers with two or more orders in it = Σ seconds of days ≤ d.
CREATE TABLE IF NOT EXISTS buyer_period_days (
    period   TEXT NOT NULL,
    platform TEXT NOT NULL,
    day      TEXT NOT NULL,
    firsts   INTEGER NOT NULL,
    seconds  INTEGER NOT NULL,
    PRIMARY KEY (period, platform, day)
) WITHOUT ROWID;
