-- Who may do what: people who log in on the web pages, and API keys for scripts and the wall display.
-- role: admin (accounts, shops, settings, and all a bureau may) | bureau (every figure, report and import)
--     | operator (upload to and read their own shops only) | display (the wall screen's figures, nothing else).

CREATE TABLE IF NOT EXISTS users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'bureau', 'operator', 'display')),
    password_hash TEXT NOT NULL,     -- ASP.NET Core's PasswordHasher (PBKDF2); never the password
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    disabled_at   TEXT
);

CREATE TABLE IF NOT EXISTS api_keys (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'bureau', 'operator', 'display')),
    key_hash   TEXT NOT NULL UNIQUE, -- SHA-256 of the key, hex; the key itself is shown once, when it is made
    key_start  TEXT NOT NULL,        -- the key's first characters, so an admin can tell keys apart
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT
);

-- The shops an operator (a user or a key) may upload to and read. Renames and merges carry them along.
CREATE TABLE IF NOT EXISTS account_shops (
    account TEXT NOT NULL,           -- 'user:<name>' or 'key:<id>'
    shop    TEXT NOT NULL,
    PRIMARY KEY (account, shop)
);

-- Logins (and failed ones), uploads, withdrawals, account and key changes: who, what, when, from where.
CREATE TABLE IF NOT EXISTS audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    remote TEXT
);
