-- EDGAR submissions and HTML files are read as rendered text; raw_text keeps the file as imported
-- (so it can be re-parsed) and text holds what the parser read, which source lines point into.
ALTER TABLE filings ADD COLUMN text TEXT;
-- Columns that are not distinct periods ("GAAP", "Adj.", "Non-GAAP") keep their header text.
ALTER TABLE statement_columns ADD COLUMN label TEXT;
