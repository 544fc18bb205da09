using System.Diagnostics;
using FilingTui.Data;
using Microsoft.Data.Sqlite;

namespace FilingTui.Bench;

/// <summary>
/// A store of a million filings in minutes rather than the hour the insert path would take: a synthetic store
/// (SyntheticStore) is copied into a new one several times over inside SQLite, each copy with its own companies and
/// ids moved past the previous copy's. The rows are the ones the store's own code wrote, so the indexes, the FTS
/// index (filled by the store's trigger) and the sizes are those a real store of that many filings would have.
/// SQL lives here and not in FilingTui.Data because this is a generator of test data, not a way the product
/// writes filings.
/// </summary>
public static class StoreGrowth
{
    // Each copy renames companies "Synthetic Company N" to N + copy × companies, so names stay unique and sortable.
    private const string CompanyPrefix = "Synthetic Company ";

    public static void Grow(string source, string target, int times)
    {
        var partial = target + ".partial";
        File.Delete(partial);
        using (FilingStore.Open(partial))
        {
            // The schema and its migrations come from the product.
        }

        using var db = new SqliteConnection($"Data Source={partial};Pooling=False");
        db.Open();
        // No journal while generating: the file is only renamed into place once complete.
        Exec(db, "PRAGMA journal_mode=OFF; PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        Exec(db, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS src");
        var max = new Dictionary<string, long>();
        foreach (var t in new[] { "companies", "filings", "sections", "statements", "statement_columns", "line_items" })
        {
            max[t] = Scalar(db, $"SELECT IFNULL(MAX(id), 0) FROM src.{t}");
        }

        var sw = Stopwatch.StartNew();
        for (var k = 0; k < times; k++)
        {
            long Off(string t) => max[t] * k;
            using var tx = db.BeginTransaction();
            Exec(db, $"""
                INSERT INTO companies (id, name, ticker, cik, state_of_incorporation, commission_file_number, irs_employer_id, address, phone, fiscal_year_end_month)
                SELECT id + {Off("companies")}, '{CompanyPrefix}' || printf('%06d', CAST(substr(name, {CompanyPrefix.Length + 1}) AS INTEGER) + {Off("companies")}),
                       'S' || printf('%06d', CAST(substr(name, {CompanyPrefix.Length + 1}) AS INTEGER) + {Off("companies")}),
                       CAST(1000000 + CAST(substr(name, {CompanyPrefix.Length + 1}) AS INTEGER) + {Off("companies")} AS TEXT),
                       state_of_incorporation, commission_file_number, irs_employer_id, address, phone, fiscal_year_end_month
                FROM src.companies ORDER BY id;
                INSERT INTO filings (id, sha256, path, company_id, form, report_date, release_title, release_date, period_end, period_months,
                                     fiscal_year, fiscal_quarter, sort_date, status, status_reason, parser_version, encoding, cover_json,
                                     diagnostics_json, raw_text, imported_at, text)
                SELECT id + {Off("filings")}, printf('%02x', {k}) || substr(sha256, 3), 'synthetic/filing-' || printf('%07d', id - 1 + {Off("filings")}) || '.txt',
                       company_id + {Off("companies")}, form, report_date, release_title, release_date, period_end, period_months,
                       fiscal_year, fiscal_quarter, sort_date, status, status_reason, parser_version, encoding, cover_json,
                       diagnostics_json, raw_text, imported_at, text
                FROM src.filings ORDER BY id;
                INSERT INTO sections (id, filing_id, ord, heading, kind, text, line)
                SELECT id + {Off("sections")}, filing_id + {Off("filings")}, ord, heading, kind, text, line FROM src.sections ORDER BY id;
                INSERT INTO sections_fts (rowid, heading, text)
                SELECT id + {Off("sections")}, heading, text FROM src.sections ORDER BY id;
                INSERT INTO statements (id, filing_id, ord, kind, title, source_line)
                SELECT id + {Off("statements")}, filing_id + {Off("filings")}, ord, kind, title, source_line FROM src.statements ORDER BY id;
                INSERT INTO statement_columns (id, statement_id, ord, end_date, months, fiscal_year, fiscal_quarter, label)
                SELECT id + {Off("statement_columns")}, statement_id + {Off("statements")}, ord, end_date, months, fiscal_year, fiscal_quarter, label
                FROM src.statement_columns ORDER BY id;
                INSERT INTO line_items (id, statement_id, ord, label, concept, section, is_total, unit, scale, source_line, check_failed)
                SELECT id + {Off("line_items")}, statement_id + {Off("statements")}, ord, label, concept, section, is_total, unit, scale, source_line, check_failed
                FROM src.line_items ORDER BY id;
                INSERT INTO facts (line_item_id, column_id, value, raw_text, source_line, derived)
                SELECT line_item_id + {Off("line_items")}, column_id + {Off("statement_columns")}, value, raw_text, source_line, derived
                FROM src.facts ORDER BY line_item_id, column_id;
                """, tx);
            tx.Commit();
            var done = max["filings"] * (k + 1);
            Console.WriteLine($"  {done:N0} filings, {done / sw.Elapsed.TotalSeconds:N0} filings/s");
        }

        Exec(db, "DETACH DATABASE src; PRAGMA optimize; PRAGMA journal_mode=WAL;");
        db.Close();
        File.Move(partial, target, overwrite: true);
    }

    private static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }
}
