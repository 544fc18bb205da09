using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

public sealed partial class FilingStore
{
    /// <summary>
    /// Sections, statements, columns, line items and facts of a filing whose row exists, one statement per table:
    /// each table's rows go in as one JSON array that SQLite reads with json_each. A statement per row cost more in
    /// the driver (binding by name, a reader per call) than SQLite spent storing the row, and was most of an import's
    /// writing. Parents' ids are given here rather than returned, so children can name them: the write transaction
    /// holds the store's only write lock, so the next ids above the current largest are free.
    /// </summary>
    private void InsertParts(long filingId, Filing f, SqliteTransaction tx)
    {
        var next = _db.QuerySingle<(long Statement, long Column, long Item)>(
            "SELECT (SELECT IFNULL(MAX(id), 0) FROM statements), (SELECT IFNULL(MAX(id), 0) FROM statement_columns), (SELECT IFNULL(MAX(id), 0) FROM line_items)",
            transaction: tx);
        using var sections = new JsonRows();
        for (var i = 0; i < f.Sections.Count; i++)
        {
            var s = f.Sections[i];
            sections.Row(i, s.Heading, s.Kind.ToKey(), s.Text, s.Line);
        }

        using var statements = new JsonRows();
        using var columns = new JsonRows();
        using var items = new JsonRows();
        using var facts = new JsonRows();
        for (var si = 0; si < f.Statements.Count; si++)
        {
            var st = f.Statements[si];
            var statementId = ++next.Statement;
            statements.Row(statementId, si, st.Kind.ToKey(), st.Title, st.SourceLine);
            var firstColumn = next.Column + 1;
            for (var ci = 0; ci < st.Columns.Count; ci++)
            {
                var col = st.Columns[ci];
                columns.Row(++next.Column, statementId, ci, col.End.Iso8601(), col.Months, col.FiscalYear, col.FiscalQuarter, col.Label);
            }

            for (var ri = 0; ri < st.Rows.Count; ri++)
            {
                var row = st.Rows[ri];
                var itemId = ++next.Item;
                items.Row(itemId, statementId, ri, row.Label, row.Concept, row.Section, row.IsTotal ? 1 : 0, row.Unit.ToKey(), row.Scale, row.SourceLine, row.CheckFailed ? 1 : 0);
                for (var ci = 0; ci < st.Columns.Count && ci < row.Values.Length; ci++)
                {
                    facts.Row(itemId, firstColumn + ci, row.Values[ci]?.ToString(CultureInfo.InvariantCulture), ci < row.RawValues.Length ? row.RawValues[ci] : null, row.SourceLine);
                }
            }
        }

        // ORDER BY key keeps each table's ids in the order the rows were written (a filing's sections are a range).
        Write(sections, $"INSERT INTO sections (filing_id, ord, heading, kind, text, line) SELECT {filingId}, {Columns(5)} FROM json_each($rows) ORDER BY key", tx);
        Write(statements, $"INSERT INTO statements (id, filing_id, ord, kind, title, source_line) SELECT value->>0, {filingId}, {Columns(4, 1)} FROM json_each($rows) ORDER BY key", tx);
        Write(columns, $"INSERT INTO statement_columns (id, statement_id, ord, end_date, months, fiscal_year, fiscal_quarter, label) SELECT {Columns(8)} FROM json_each($rows) ORDER BY key", tx);
        Write(items, $"INSERT INTO line_items (id, statement_id, ord, label, concept, section, is_total, unit, scale, source_line, check_failed) SELECT {Columns(11)} FROM json_each($rows) ORDER BY key", tx);
        Write(facts, $"INSERT INTO facts (line_item_id, column_id, value, raw_text, source_line, derived) SELECT {Columns(5)}, 0 FROM json_each($rows) ORDER BY key", tx);
    }

    /// <summary>"value->>0, value->>1, …": the JSON row's fields as columns.</summary>
    private static string Columns(int count, int from = 0) => string.Join(", ", Enumerable.Range(from, count).Select(i => $"value->>{i}"));

    private void Write(JsonRows rows, string sql, SqliteTransaction tx)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.Add(new SqliteParameter("$rows", SqliteType.Text) { Value = rows.ToText() });
        cmd.ExecuteNonQuery();
    }

    /// <summary>A table's rows as a JSON array of arrays; text is written as UTF-8 as is (only what JSON requires is escaped).</summary>
    private sealed class JsonRows : IDisposable
    {
        private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter _json;

        public JsonRows()
        {
            _json = new Utf8JsonWriter(_buffer, Options);
            _json.WriteStartArray();
        }

        public int Count { get; private set; }

        public void Row(params object?[] values)
        {
            _json.WriteStartArray();
            foreach (var v in values)
            {
                switch (v)
                {
                    case null: _json.WriteNullValue(); break;
                    case string s: _json.WriteStringValue(s); break;
                    case int i: _json.WriteNumberValue(i); break;
                    case long l: _json.WriteNumberValue(l); break;
                    default: throw new ArgumentException($"no JSON form for {v.GetType().Name}", nameof(values));
                }
            }

            _json.WriteEndArray();
            Count++;
        }

        public string ToText()
        {
            _json.WriteEndArray();
            _json.Flush();
            return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }

        public void Dispose() => _json.Dispose();
    }
}
