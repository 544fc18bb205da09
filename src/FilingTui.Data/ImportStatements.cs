using FilingTui.Core.Import;
using FilingTui.Core.Model;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

/// <summary>
/// Every statement an import or re-parse runs per filing, prepared once for the store's connection. They run
/// inside whatever transaction or savepoint the store has open on that connection.
/// </summary>
internal sealed class ImportStatements : IDisposable
{
    private readonly RawStatement _findFiling;
    private readonly RawStatement _findCompany;
    private readonly RawStatement _addCompany;
    private readonly RawStatement _fillCompany;
    private readonly RawStatement _addFiling;
    private readonly RawStatement _updateFiling;
    private readonly RawStatement _section;
    private readonly RawStatement _statement;
    private readonly RawStatement _column;
    private readonly RawStatement _item;
    private readonly RawStatement _fact;
    private readonly RawStatement _log;
    private readonly List<RawStatement> _all = [];

    public ImportStatements(SqliteConnection db)
    {
        try
        {
            _findFiling = New("SELECT id FROM filings WHERE sha256 = ?1");
            _findCompany = New("SELECT id FROM companies WHERE name = ?1 AND IFNULL(cik, '') = IFNULL(?2, '')");
            _addCompany = New(
                """
                INSERT INTO companies (name, ticker, cik, state_of_incorporation, commission_file_number, irs_employer_id, address, phone, fiscal_year_end_month)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """);
            _fillCompany = New("UPDATE companies SET ticker = IFNULL(ticker, ?2), fiscal_year_end_month = IFNULL(fiscal_year_end_month, ?3) WHERE id = ?1");
            var fields = string.Join(", ", Enumerable.Range(1, FilingFields.Count).Select(i => $"?{i}"));
            var next = FilingFields.Count + 1;
            _addFiling = New($"INSERT INTO filings ({FilingFields.Columns}, company_id, sha256, path, encoding, raw_text, imported_at) VALUES ({fields}, ?{next}, ?{next + 1}, ?{next + 2}, ?{next + 3}, ?{next + 4}, ?{next + 5})");
            _updateFiling = New($"UPDATE filings SET ({FilingFields.Columns}, company_id) = ({fields}, ?{next}) WHERE id = ?{next + 1}");
            _section = New("INSERT INTO sections (filing_id, ord, heading, kind, text, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            _statement = New("INSERT INTO statements (filing_id, ord, kind, title, source_line) VALUES (?1, ?2, ?3, ?4, ?5)");
            _column = New("INSERT INTO statement_columns (statement_id, ord, end_date, months, fiscal_year, fiscal_quarter, label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            _item = New("INSERT INTO line_items (statement_id, ord, label, concept, section, is_total, unit, scale, source_line, check_failed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
            _fact = New("INSERT INTO facts (line_item_id, column_id, value, raw_text, source_line, derived) VALUES (?1, ?2, ?3, ?4, ?5, 0)");
            _log = New("INSERT INTO import_log (at, path, sha256, outcome, filing_id, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        }
        catch
        {
            // A store that refuses one statement (damaged, from elsewhere) leaves none of the others open.
            Dispose();
            throw;
        }

        RawStatement New(string sql)
        {
            var s = new RawStatement(db, sql);
            _all.Add(s);
            return s;
        }
    }

    /// <summary>The filing already stored with these bytes, if any.</summary>
    public long? FilingWith(string sha256) => _findFiling.Bind(1, sha256).Run();

    /// <summary>The company's row, found by name and CIK or added; what a later filing knows and it did not is filled in.</summary>
    public long CompanyId(Company c)
    {
        var name = string.IsNullOrWhiteSpace(c.Name) ? "(unknown company)" : c.Name;
        if (_findCompany.Bind(1, name).Bind(2, c.Cik).Run() is long id)
        {
            if (c.Ticker is not null || c.FiscalYearEndMonth is not null)
            {
                _fillCompany.Bind(1, id).Bind(2, c.Ticker).Bind(3, c.FiscalYearEndMonth).Run();
            }

            return id;
        }

        return _addCompany.Bind(1, name).Bind(2, c.Ticker).Bind(3, c.Cik).Bind(4, c.StateOfIncorporation).Bind(5, c.CommissionFileNumber)
            .Bind(6, c.IrsEmployerId).Bind(7, c.Address).Bind(8, c.Phone).Bind(9, c.FiscalYearEndMonth).Insert();
    }

    public long AddFiling(FilingFields fields, long companyId, string sha256, string path, string? encoding, string rawText, string importedAt)
    {
        fields.Bind(_addFiling, 1);
        var next = FilingFields.Count + 1;
        return _addFiling.Bind(next, companyId).Bind(next + 1, sha256).Bind(next + 2, path).Bind(next + 3, encoding).Bind(next + 4, rawText).Bind(next + 5, importedAt).Insert();
    }

    public void UpdateFiling(long id, FilingFields fields, long companyId)
    {
        fields.Bind(_updateFiling, 1);
        _updateFiling.Bind(FilingFields.Count + 1, companyId).Bind(FilingFields.Count + 2, id).Run();
    }

    /// <summary>The filing's sections, statements, columns, line items and facts; children name the ids their parents were given.</summary>
    public void AddParts(long filingId, Filing f)
    {
        for (var i = 0; i < f.Sections.Count; i++)
        {
            var s = f.Sections[i];
            _section.Bind(1, filingId).Bind(2, i).Bind(3, s.Heading).Bind(4, s.Kind.ToKey()).Bind(5, s.Text).Bind(6, s.Line).Run();
        }

        long[] columns = [];
        for (var si = 0; si < f.Statements.Count; si++)
        {
            var st = f.Statements[si];
            var statementId = _statement.Bind(1, filingId).Bind(2, si).Bind(3, st.Kind.ToKey()).Bind(4, st.Title).Bind(5, st.SourceLine).Insert();
            if (columns.Length < st.Columns.Count)
            {
                columns = new long[st.Columns.Count];
            }

            for (var ci = 0; ci < st.Columns.Count; ci++)
            {
                var col = st.Columns[ci];
                columns[ci] = _column.Bind(1, statementId).Bind(2, ci).Bind(3, col.End.Iso8601()).Bind(4, col.Months).Bind(5, col.FiscalYear)
                    .Bind(6, col.FiscalQuarter).Bind(7, col.Label).Insert();
            }

            for (var ri = 0; ri < st.Rows.Count; ri++)
            {
                var row = st.Rows[ri];
                var itemId = _item.Bind(1, statementId).Bind(2, ri).Bind(3, row.Label).Bind(4, row.Concept).Bind(5, row.Section).Bind(6, row.IsTotal ? 1 : 0)
                    .Bind(7, row.Unit.ToKey()).Bind(8, row.Scale).Bind(9, row.SourceLine).Bind(10, row.CheckFailed ? 1 : 0).Insert();
                for (var ci = 0; ci < st.Columns.Count && ci < row.Values.Length; ci++)
                {
                    _fact.Bind(1, itemId).Bind(2, columns[ci]).Bind(3, row.Values[ci]?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Bind(4, ci < row.RawValues.Length ? row.RawValues[ci] : null).Bind(5, row.SourceLine).Run();
                }
            }
        }
    }

    public void Log(string at, ImportResult result, string? sha256) => _log.Bind(1, at).Bind(2, result.Path).Bind(3, sha256)
        .Bind(4, result.Outcome.ToString().ToLowerInvariant()).Bind(5, result.FilingId).Bind(6, result.Message).Run();

    public void Dispose()
    {
        foreach (var s in _all)
        {
            s.Dispose();
        }

        _all.Clear();
    }
}
