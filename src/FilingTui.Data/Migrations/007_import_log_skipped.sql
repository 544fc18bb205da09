-- A file that is no filing (a README, notes) is skipped with its reason: the import log records it as 'skipped'.
-- SQLite cannot change a CHECK constraint in place, so the log is copied into a table that allows it.
CREATE TABLE import_log_new (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'failed', 'skipped')),
    filing_id INTEGER,
    message TEXT
);
INSERT INTO import_log_new (id, at, path, sha256, outcome, filing_id, message)
    SELECT id, at, path, sha256, outcome, filing_id, message FROM import_log;
DROP TABLE import_log;
ALTER TABLE import_log_new RENAME TO import_log;
