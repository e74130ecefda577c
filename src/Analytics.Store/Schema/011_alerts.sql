-- 预警: one row per episode — a rule firing for one scope from the evaluation that raised it to the one that found it
-- gone. At most one open episode per rule and scope; a resolved episode is history and never reopens.
CREATE TABLE IF NOT EXISTS alerts (
    id              INTEGER PRIMARY KEY,
    rule            TEXT NOT NULL,     -- below-band | stale-shop | month-below-last-year | refund-spike | sharp-drop
    scope_kind      TEXT NOT NULL,     -- county | platform | enterprise | shop | province | product
    scope_key       TEXT NOT NULL,
    scope_name      TEXT NOT NULL,
    since           TEXT NOT NULL,     -- Beijing day the condition began
    raised_at       TEXT NOT NULL,     -- Beijing time
    checked_at      TEXT NOT NULL,     -- the latest evaluation that still found it
    unit            TEXT NOT NULL,     -- fen | share | hours: what figure, expected and bound are in
    figure_fen      INTEGER,           -- money figures, integer fen
    expected_fen    INTEGER,
    bound_fen       INTEGER,           -- the band's edge the figure crossed
    figure_value    REAL,              -- shares and hours
    expected_value  REAL,
    bound_value     REAL,
    message         TEXT NOT NULL,     -- Chinese, for the bureau
    cause           TEXT,              -- the member that explains most of the gap, when one does
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    resolved_at     TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS alerts_one_open_episode ON alerts (rule, scope_kind, scope_key) WHERE resolved_at IS NULL;

-- Each webhook is told of an episode once when it is raised and once when it resolves.
CREATE TABLE IF NOT EXISTS alert_notifications (
    alert_id   INTEGER NOT NULL REFERENCES alerts (id),
    webhook    TEXT NOT NULL,
    event      TEXT NOT NULL,          -- raised | resolved
    sent_at    TEXT,                   -- null until the receiver answered 2xx
    attempts   INTEGER NOT NULL,
    last_error TEXT,
    PRIMARY KEY (alert_id, webhook, event)
);
