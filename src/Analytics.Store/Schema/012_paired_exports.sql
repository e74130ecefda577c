-- Exports that come as two files (淘宝/天猫's 订单报表 with its 宝贝报表) land as one import: the second file is kept in the
-- archive beside the first, so a withdrawal or a rebuild replays the pair as it landed.
ALTER TABLE imports ADD COLUMN companion_file_name TEXT;
ALTER TABLE imports ADD COLUMN companion_sha256 TEXT;
ALTER TABLE imports ADD COLUMN companion_archived_as TEXT;

-- Orders that landed with their order-level figures only, and the items file that would complete them.
ALTER TABLE imports ADD COLUMN orders_without_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN items_file_awaited TEXT;
-- Stored orders whose items this import filled in.
ALTER TABLE imports ADD COLUMN orders_completed INTEGER NOT NULL DEFAULT 0;

-- How the file's header differs from the known layout it is: columns it lacks, columns it adds (names joined by 、).
ALTER TABLE imports ADD COLUMN missing_columns TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN new_columns TEXT NOT NULL DEFAULT '';
