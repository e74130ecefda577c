-- What the operators' page shows of an import: the period its orders were paid in, and who brought it.
ALTER TABLE imports ADD COLUMN earliest_paid_at TEXT;
ALTER TABLE imports ADD COLUMN imported_by TEXT;
