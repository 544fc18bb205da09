-- The first schema: companies, filings with their raw text, sections with full-text search,
-- statements as columns x line items -> facts, and a log of every import attempt.
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    ticker TEXT,
    cik TEXT,
    state_of_incorporation TEXT,
    commission_file_number TEXT,
    irs_employer_id TEXT,
    address TEXT,
    phone TEXT,
    fiscal_year_end_month INTEGER
);
CREATE UNIQUE INDEX companies_key ON companies(name, IFNULL(cik, ''));

CREATE TABLE filings (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    form TEXT,
    report_date TEXT,
    release_title TEXT,
    release_date TEXT,
    period_end TEXT,
    period_months INTEGER,
    fiscal_year INTEGER,
    fiscal_quarter INTEGER,
    sort_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('reconciled', 'warnings', 'no-statements')),
    status_reason TEXT,
    parser_version INTEGER NOT NULL,
    encoding TEXT,
    cover_json TEXT NOT NULL,
    diagnostics_json TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX filings_by_date ON filings(sort_date DESC, id DESC);
CREATE INDEX filings_by_company ON filings(company_id, sort_date DESC, id DESC);
CREATE INDEX filings_by_fiscal ON filings(fiscal_year, fiscal_quarter);
CREATE INDEX filings_by_period_end ON filings(period_end);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    heading TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    line INTEGER NOT NULL
);
CREATE INDEX sections_by_filing ON sections(filing_id, ord);

CREATE VIRTUAL TABLE sections_fts USING fts5(heading, text, content='sections', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
    INSERT INTO sections_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
END;
CREATE TRIGGER sections_ad AFTER DELETE ON sections BEGIN
    INSERT INTO sections_fts(sections_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
END;

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    source_line INTEGER NOT NULL
);
CREATE INDEX statements_by_filing ON statements(filing_id, ord);

CREATE TABLE statement_columns (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    end_date TEXT NOT NULL,
    months INTEGER NOT NULL,
    fiscal_year INTEGER,
    fiscal_quarter INTEGER
);
CREATE INDEX columns_by_statement ON statement_columns(statement_id, ord);

CREATE TABLE line_items (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    label TEXT NOT NULL,
    concept TEXT,
    section TEXT,
    is_total INTEGER NOT NULL,
    unit TEXT NOT NULL,
    scale INTEGER NOT NULL,
    source_line INTEGER NOT NULL,
    check_failed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX line_items_by_statement ON line_items(statement_id, ord);
CREATE INDEX line_items_by_concept ON line_items(concept);

CREATE TABLE facts (
    line_item_id INTEGER NOT NULL REFERENCES line_items(id) ON DELETE CASCADE,
    column_id INTEGER NOT NULL REFERENCES statement_columns(id) ON DELETE CASCADE,
    value TEXT,
    raw_text TEXT,
    source_line INTEGER NOT NULL,
    derived INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (line_item_id, column_id)
) WITHOUT ROWID;
CREATE INDEX facts_by_column ON facts(column_id);

CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'failed')),
    filing_id INTEGER,
    message TEXT
);
