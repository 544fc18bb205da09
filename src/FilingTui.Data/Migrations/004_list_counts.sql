-- Each company's number of filings, kept by triggers, so the list's count under a company filter sums a few
-- thousand companies rather than counting a million filings on every key typed (half a second at a million).
ALTER TABLE companies ADD COLUMN filing_count INTEGER NOT NULL DEFAULT 0;
UPDATE companies SET filing_count = (SELECT COUNT(*) FROM filings f WHERE f.company_id = companies.id);
CREATE TRIGGER filings_count_ai AFTER INSERT ON filings BEGIN
    UPDATE companies SET filing_count = filing_count + 1 WHERE id = new.company_id;
END;
CREATE TRIGGER filings_count_ad AFTER DELETE ON filings BEGIN
    UPDATE companies SET filing_count = filing_count - 1 WHERE id = old.company_id;
END;
CREATE TRIGGER filings_count_au AFTER UPDATE OF company_id ON filings WHEN old.company_id IS NOT new.company_id BEGIN
    UPDATE companies SET filing_count = filing_count - 1 WHERE id = old.company_id;
    UPDATE companies SET filing_count = filing_count + 1 WHERE id = new.company_id;
END;

-- The list's date index carries the company, so a filtered list walks it without reading each filing's row
-- (a page of a filter holding 4% of a million filings read 2,500 rows: 70 ms).
DROP INDEX filings_by_date;
CREATE INDEX filings_by_date ON filings(sort_date DESC, id DESC, company_id);
