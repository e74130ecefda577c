-- One row per file the service was given, whether it landed or was rejected.
CREATE TABLE IF NOT EXISTS imports (
    id               INTEGER PRIMARY KEY,
    file_name        TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    source           TEXT NOT NULL,          -- cli, inbox, upload, demo
    status           TEXT NOT NULL,          -- landed | rejected
    reason           TEXT,                   -- why a rejected file was rejected
    platform         TEXT,
    layout           TEXT,
    shop             TEXT,
    encoding         TEXT,
    exported_at      TEXT,                   -- when the file says it was exported, Beijing time
    rows_read        INTEGER NOT NULL DEFAULT 0,
    lines_new        INTEGER NOT NULL DEFAULT 0,
    lines_updated    INTEGER NOT NULL DEFAULT 0,
    lines_unchanged  INTEGER NOT NULL DEFAULT 0,
    rows_rejected    INTEGER NOT NULL DEFAULT 0,
    summary_rows     INTEGER NOT NULL DEFAULT 0,  -- 总计/合计 rows dropped
    orders_touched   INTEGER NOT NULL DEFAULT 0,
    unpaid_lines     INTEGER NOT NULL DEFAULT 0,
    fallbacks        TEXT NOT NULL DEFAULT '',    -- e.g. "payment time from the order number: 3"
    started_at       TEXT NOT NULL,
    finished_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS imports_by_sha ON imports (sha256);

CREATE TABLE IF NOT EXISTS import_problems (
    import_id  INTEGER NOT NULL REFERENCES imports (id),
    line       INTEGER NOT NULL,
    sheet      TEXT,
    column     TEXT,
    reason     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS import_problems_by_import ON import_problems (import_id);
