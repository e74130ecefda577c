-- Reference data a new database is seeded with from seeds/*.csv.
CREATE TABLE IF NOT EXISTS provinces (
    code       TEXT PRIMARY KEY,  -- GB/T 2260 two-digit code
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL,
    aliases    TEXT NOT NULL DEFAULT ''  -- further spellings, separated by |
);

CREATE TABLE IF NOT EXISTS platforms (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT ''
);

-- Which enterprise owns a shop (企业销售排行); a shop not listed is its own enterprise.
CREATE TABLE IF NOT EXISTS shops (
    platform   TEXT NOT NULL,
    shop       TEXT NOT NULL,
    enterprise TEXT NOT NULL,
    PRIMARY KEY (platform, shop)
);
