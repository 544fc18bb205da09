-- Lookups by line item and quarter stay indexed at a million filings.
--
-- labels: every (label, concept) pair ever stored, so a typed label ("revenue") resolves to its concept through a
-- word index over a few thousand labels rather than a scan of every line item (47 s at a million filings).
CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    concept TEXT NOT NULL
);
CREATE UNIQUE INDEX labels_key ON labels(label COLLATE NOCASE, concept);
CREATE INDEX labels_by_concept ON labels(concept COLLATE NOCASE);
CREATE VIRTUAL TABLE labels_fts USING fts5(label, content='labels', content_rowid='id', tokenize='unicode61');
CREATE TRIGGER labels_ai AFTER INSERT ON labels BEGIN
    INSERT INTO labels_fts(rowid, label) VALUES (new.id, new.label);
END;
CREATE TRIGGER line_items_label AFTER INSERT ON line_items WHEN new.concept IS NOT NULL BEGIN
    INSERT OR IGNORE INTO labels(label, concept) VALUES (new.label, new.concept);
END;
INSERT OR IGNORE INTO labels(label, concept) SELECT label, concept FROM line_items WHERE concept IS NOT NULL;

-- A quarter's columns, so "revenue in 2005Q3" walks that quarter's columns, not every column of the concept.
CREATE INDEX columns_by_fiscal ON statement_columns(fiscal_year, fiscal_quarter);
CREATE INDEX columns_by_end ON statement_columns(end_date);
