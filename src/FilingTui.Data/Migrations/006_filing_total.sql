-- The number of filings stored, kept by triggers: the list shows it at every start and refresh, and COUNT(*)
-- walked a whole index for it (3,450 pages at a million filings; summing the companies' counts, 710).
CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), filings INTEGER NOT NULL);
INSERT INTO totals (id, filings) VALUES (1, (SELECT COUNT(*) FROM filings));
CREATE TRIGGER filings_total_ai AFTER INSERT ON filings BEGIN
    UPDATE totals SET filings = filings + 1;
END;
CREATE TRIGGER filings_total_ad AFTER DELETE ON filings BEGIN
    UPDATE totals SET filings = filings - 1;
END;
