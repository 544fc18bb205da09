using System.Globalization;
using Dapper;
using FilingTui.Core.Model;

namespace FilingTui.Data;

public sealed partial class FilingStore
{
    /// <summary>
    /// Below this many line items a concept is read whole through its index; above it, the walk starts from the
    /// filings (newest first) or from the quarter's columns and stops at the limit, so a concept in every filing
    /// of a million costs what it does in a hundred. Tests set it to take each way on a small store.
    /// </summary>
    internal int RareConceptLines { get; set; } = 4000;

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex WordRuns();

    private const string FactColumns =
        """
        SELECT f.id AS FilingId, c.name AS Company, li.label AS Label, li.concept AS Concept, li.unit AS Unit, li.scale AS Scale,
               sc.end_date AS EndDate, sc.months AS Months, sc.fiscal_year AS FiscalYear, sc.fiscal_quarter AS FiscalQuarter,
               fa.value AS Value, fa.raw_text AS RawText, fa.source_line AS SourceLine, fa.derived AS Derived, f.sort_date AS FilingDate
        """;

    /// <summary>
    /// The stored values of a line item (matched on its concept, or on a label that names one), oldest period first.
    /// With <paramref name="period"/>, only that quarter's values (the quarter itself, or a balance at its end).
    /// When more than <paramref name="limit"/> match, the newest filings' values are kept (with a quarter over many
    /// companies, those most recently stored).
    /// </summary>
    public IReadOnlyList<LineFact> History(string conceptOrLabel, long? companyId = null, int limit = 5000, QuarterSpec? period = null) =>
        History(conceptOrLabel, out _, companyId, limit, period);

    /// <inheritdoc cref="History(string, long?, int, QuarterSpec?)"/>
    /// <param name="more">Whether values were left out for the limit.</param>
    public IReadOnlyList<LineFact> History(string conceptOrLabel, out bool more, long? companyId = null, int limit = 5000, QuarterSpec? period = null)
    {
        more = false;
        var concept = ConceptOf(conceptOrLabel);
        if (concept is null)
        {
            return [];
        }

        var args = new
        {
            concept,
            companyId,
            limit = limit + 1,
            fy = period?.FiscalYear,
            fq = period?.FiscalQuarter,
            from = period?.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = period?.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        // Each walk is written in the order it must run (CROSS JOIN), and a unary + keeps SQLite from reaching for
        // the concept or quarter indexes inside a walk that is already narrow: with statistics it chose the
        // quarter's columns over a company's forty filings (3 s at 100,000 filings).
        var inPeriod = period is null ? "" : " AND +sc.months IN (0, 3)" + (period.FiscalYear is null
            ? " AND +sc.end_date BETWEEN @from AND @to"
            : " AND +sc.fiscal_year = @fy AND +sc.fiscal_quarter = @fq");
        var join = "CROSS JOIN facts fa ON fa.line_item_id = li.id CROSS JOIN statement_columns sc ON sc.id = fa.column_id CROSS JOIN companies c ON c.id = f.company_id";
        string sql;
        if (companyId is not null)
        {
            sql = $"""
                {FactColumns} FROM filings f CROSS JOIN statements s ON s.filing_id = f.id CROSS JOIN line_items li ON li.statement_id = s.id {join}
                WHERE f.company_id = @companyId AND +li.concept = @concept{inPeriod} ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit
                """;
        }
        else if (_db.ExecuteScalar<int>("SELECT COUNT(*) FROM (SELECT 1 FROM line_items WHERE concept = @concept LIMIT @cap)", new { concept, cap = RareConceptLines }) < RareConceptLines)
        {
            sql = $"""
                {FactColumns} FROM line_items li JOIN statements s ON s.id = li.statement_id JOIN filings f ON f.id = s.filing_id {join}
                WHERE li.concept = @concept{inPeriod} ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit
                """;
        }
        else if (period is not null)
        {
            // The quarter's columns through their index, most recently stored first; each column's statement holds
            // the concept at most once or twice.
            var (where, order) = period.FiscalYear is null
                ? ("sc.end_date BETWEEN @from AND @to", "sc.end_date DESC, sc.id DESC")
                : ("sc.fiscal_year = @fy AND sc.fiscal_quarter = @fq", "sc.id DESC");
            sql = $"""
                {FactColumns} FROM statement_columns sc
                CROSS JOIN line_items li ON li.statement_id = sc.statement_id
                CROSS JOIN facts fa ON fa.line_item_id = li.id AND fa.column_id = sc.id
                JOIN statements s ON s.id = sc.statement_id JOIN filings f ON f.id = s.filing_id JOIN companies c ON c.id = f.company_id
                WHERE {where} AND sc.months IN (0, 3) AND +li.concept = @concept ORDER BY {order} LIMIT @limit
                """;
        }
        else
        {
            sql = $"""
                {FactColumns} FROM filings f CROSS JOIN statements s ON s.filing_id = f.id CROSS JOIN line_items li ON li.statement_id = s.id {join}
                WHERE +li.concept = @concept ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit
                """;
        }

        // One row past the limit says whether the walk stopped early; rows come in the walk's order, newest first.
        DecimalText.Ensure();
        var rows = _db.Query<LineFact>(sql, args).ToList();
        more = rows.Count > limit;
        return [.. rows.Take(limit)
            .OrderBy(f => f.EndDate, StringComparer.Ordinal).ThenBy(f => f.Months).ThenBy(f => f.FilingDate, StringComparer.Ordinal).ThenBy(f => f.FilingId)];
    }

    /// <summary>
    /// The concept a person means: one named exactly, else one whose label is the text, else the shortest concept
    /// (not a supplemental one) among labels holding the text. Labels come from the store's vocabulary of
    /// (label, concept) pairs and its word index, never from a scan of the line items.
    /// </summary>
    private string? ConceptOf(string conceptOrLabel)
    {
        var q = conceptOrLabel.Trim();
        if (q.Length == 0)
        {
            return null;
        }

        if (_db.ExecuteScalar<long?>("SELECT 1 FROM line_items WHERE concept = @q LIMIT 1", new { q }) is not null)
        {
            return q;
        }

        const string Stored = "EXISTS (SELECT 1 FROM line_items WHERE concept = l.concept)";
        var named = _db.Query<(string Label, string Concept)>(
            $"SELECT label, concept FROM labels l WHERE (concept = @q COLLATE NOCASE OR label = @q COLLATE NOCASE) AND {Stored}", new { q }).ToList();

        // Each word of the text as a word prefix ("revenue" finds "Total revenues"); the text itself must still
        // appear in the label, as it did when labels were matched with LIKE.
        var words = string.Join(' ', WordRuns().Matches(q).Select(w => $"\"{w.Value}\"*"));
        var holding = words.Length == 0 ? [] : _db.Query<(string Label, string Concept)>(
            $"SELECT l.label, l.concept FROM labels_fts JOIN labels l ON l.id = labels_fts.rowid WHERE labels_fts MATCH @words AND {Stored} ORDER BY rank LIMIT 200",
            new { words }).Where(x => x.Label.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();

        var candidates = named.Concat(holding).ToList();
        static bool Primary(string concept) => !concept.StartsWith("Supplemental.", StringComparison.Ordinal);
        return candidates.Select(x => x.Concept).FirstOrDefault(c => string.Equals(c, q, StringComparison.OrdinalIgnoreCase))
            ?? candidates.Where(x => Primary(x.Concept) && string.Equals(x.Label, q, StringComparison.OrdinalIgnoreCase)).Select(x => x.Concept).FirstOrDefault()
            ?? candidates.Select(x => x.Concept).Where(Primary).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault()
            ?? candidates.Select(x => x.Concept).FirstOrDefault();
    }

    /// <summary>
    /// The companies a person means by <paramref name="text"/>: those whose ticker, CIK (leading zeros aside) or whole
    /// name it is; failing that, those whose name holds it.
    /// </summary>
    public IReadOnlyList<CompanyRef> FindCompanies(string text, int limit = 50)
    {
        var q = text.Trim();
        var exact = _db.Query<CompanyRef>(
            """
            SELECT id AS Id, name AS Name, ticker AS Ticker, cik AS Cik FROM companies
            WHERE ticker = @q COLLATE NOCASE OR name = @q COLLATE NOCASE OR (cik IS NOT NULL AND LTRIM(cik, '0') = LTRIM(@q, '0') AND @q GLOB '[0-9]*')
            ORDER BY id LIMIT @limit
            """,
            new { q, limit }).ToList();
        return exact.Count > 0 ? exact : [.. _db.Query<CompanyRef>(
            "SELECT id AS Id, name AS Name, ticker AS Ticker, cik AS Cik FROM companies WHERE name LIKE @like ESCAPE '\\' ORDER BY name, id LIMIT @limit",
            new { like = Like(q), limit })];
    }
}
