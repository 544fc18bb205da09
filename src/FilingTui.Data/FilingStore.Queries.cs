using System.Globalization;
using Dapper;
using FilingTui.Core.Model;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

public sealed partial class FilingStore
{
    /// <summary>A list query's start: <see cref="PlainSql.SummaryColumns"/> of filings with their companies.</summary>
    private const string SummaryFrom = $"SELECT {PlainSql.SummaryColumns} FROM filings f JOIN companies c ON c.id = f.company_id";

    /// <summary>
    /// A page of the list, newest first, after <paramref name="after"/> (or from the top). Keyset paging on
    /// (sort_date, id) uses the index, so the thousandth page costs what the first does.
    /// </summary>
    public IReadOnlyList<FilingSummary> Page(PageKey? after, int limit, string? filter = null)
    {
        var where = after is null ? "1=1" : "(f.sort_date < @SortDate OR (f.sort_date = @SortDate AND f.id < @Id))";
        if (!string.IsNullOrWhiteSpace(filter))
        {
            where += " AND " + FilterSql(filter);
        }

        return PlainSql.Summaries(_db, $"{SummaryFrom} WHERE {where} ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit", ("@SortDate", after?.SortDate), ("@Id", after?.Id), ("@limit", limit));
    }

    /// <summary>The page just before <paramref name="before"/>, returned newest first.</summary>
    public IReadOnlyList<FilingSummary> PageBefore(PageKey before, int limit, string? filter = null)
    {
        var where = "(f.sort_date > @SortDate OR (f.sort_date = @SortDate AND f.id > @Id))";
        if (!string.IsNullOrWhiteSpace(filter))
        {
            where += " AND " + FilterSql(filter);
        }

        var rows = PlainSql.Summaries(_db, $"{SummaryFrom} WHERE {where} ORDER BY f.sort_date ASC, f.id ASC LIMIT @limit", ("@SortDate", before.SortDate), ("@Id", before.Id), ("@limit", limit));
        rows.Reverse();
        return rows;
    }

    /// <summary>
    /// The filter last prepared: its text, the store's state then (another program's commits move data_version,
    /// this connection's move total_changes), its filings' count and whether they are dense in the list.
    /// </summary>
    private (string Filter, long DataVersion, long Changes, long Matching, bool Dense)? _filterPlan;

    /// <summary>Every company's name, ticker and filing count, as of the store state it was read at.</summary>
    private (long DataVersion, long Changes, CompanyIndex Companies)? _companyKeys;

    private byte[] _filterMask = [];

    private Task<(long DataVersion, long Changes, CompanyIndex Companies)>? _companyKeysLoad;

    /// <summary>
    /// Starts reading the companies the list filter matches against on a connection of its own, so that the first
    /// letter typed does not wait for it: a million filings' 25,000 companies take 40-70 ms to read from a cold
    /// cache. The read is as new as the store's state now; a commit seen after this makes the filter read again.
    /// </summary>
    public void PreloadFilter()
    {
        if (_companyKeys is not null || _companyKeysLoad is not null)
        {
            return;
        }

        var (version, changes) = StoreState();
        var readOnly = ReadOnlyConnectionString;
        _companyKeysLoad = Task.Run(() =>
        {
            using var connection = new SqliteConnection(readOnly);
            connection.Open();
            return (version, changes, CompanyIndex.Read(connection));
        });
    }

    /// <summary>The store's state as what was read from it is checked against: another program's commits move data_version, this connection's move total_changes.</summary>
    private (long DataVersion, long Changes) StoreState()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT data_version, total_changes() FROM pragma_data_version";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>Whether the companies <see cref="PreloadFilter"/> started reading are still being read.</summary>
    public bool PreloadingFilter => _companyKeysLoad is { IsCompleted: false };

    /// <summary>This store opened read-only, for work on a connection of its own off the UI thread.</summary>
    private string ReadOnlyConnectionString => new SqliteConnectionStringBuilder(_db.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();

    /// <summary>
    /// Matches the filter against the companies in memory and gives SQLite only the result, which every page of the
    /// list then reads (LIKE over 25,000 names took 8 ms a letter). When those companies hold many of the filings,
    /// the result is a byte per company id and the list's date index is walked, each filing's byte checked, which
    /// stops after a page (a temporary table of 25,000 ids took 10 ms to fill); when they hold few, their ids go in a
    /// temporary table and their filings come through the company index and are sorted.
    /// </summary>
    private (long Matching, bool Dense) Prepare(string filter)
    {
        var (version, changes) = StoreState();
        if (_filterPlan is { } plan && plan.Filter == filter && plan.DataVersion == version && plan.Changes == changes)
        {
            return (plan.Matching, plan.Dense);
        }

        if (_companyKeysLoad is { } load)
        {
            _companyKeysLoad = null;
            try
            {
                _companyKeys = load.Result;
            }
            catch (AggregateException)
            {
                // The early read could not be made (a store that cannot be opened twice): read it here instead.
            }
        }

        if (_companyKeys is not { } keys || keys.DataVersion != version || keys.Changes != changes)
        {
            keys = (version, changes, CompanyIndex.Read(_db));
        }

        // One byte per company id, kept between letters: a new array each time would be garbage the size of the
        // companies table at every key, and past 85 KB each one lands on the large-object heap.
        var needle = filter.Trim();
        if (_filterMask.Length != keys.Companies.MaxId)
        {
            _filterMask = new byte[keys.Companies.MaxId];
        }

        var mask = _filterMask;
        Array.Clear(mask);
        var matching = keys.Companies.Match(needle, mask);
        var total = keys.Companies.TotalFilings;
        var dense = matching * matching >= 100 * Math.Max(1, total);
        if (dense)
        {
            _db.Execute(
                """
                CREATE TEMP TABLE IF NOT EXISTS filter_mask (mask BLOB NOT NULL);
                DELETE FROM temp.filter_mask;
                INSERT INTO temp.filter_mask VALUES (@mask);
                """,
                new { mask });
        }
        else
        {
            _db.Execute(
                """
                CREATE TEMP TABLE IF NOT EXISTS filter_companies (id INTEGER PRIMARY KEY);
                DELETE FROM temp.filter_companies;
                INSERT INTO temp.filter_companies SELECT value FROM json_each(@ids);
                """,
                new { ids = "[" + string.Join(",", Enumerable.Range(1, mask.Length).Where(id => mask[id - 1] == 1)) + "]" });
        }

        // The temporary tables' writes move total_changes too; what was read stays valid until something else does.
        changes = PlainSql.Scalar(_db, "SELECT total_changes()");
        _companyKeys = keys with { Changes = changes };
        _filterPlan = (filter, version, changes, matching, dense);
        return (matching, dense);
    }

    private string FilterSql(string filter) => Prepare(filter).Dense
        ? "substr((SELECT mask FROM temp.filter_mask), f.company_id, 1) = x'01'"
        : "f.company_id IN (SELECT id FROM temp.filter_companies)";

    private static string? Like(string? filter) =>
        string.IsNullOrWhiteSpace(filter) ? null : "%" + filter.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public FilingSummary? Summary(long id) =>
        PlainSql.Summaries(_db, $"{SummaryFrom} WHERE f.id = @id", ("@id", id)).SingleOrDefault();

    /// <summary>The filing that sorts first (newest date) among ids from <paramref name="min"/> to <paramref name="max"/>: an import's filings.</summary>
    public long? NewestBetween(long min, long max) =>
        _db.ExecuteScalar<long?>("SELECT id FROM filings WHERE id BETWEEN @min AND @max ORDER BY sort_date DESC, id DESC LIMIT 1", new { min, max });

    /// <summary>The text the parser read, which source lines point into (a submission's rendered documents).</summary>
    public string? RawText(long id) => _db.ExecuteScalar<string?>("SELECT IFNULL(text, raw_text) FROM filings WHERE id = @id", new { id });

    /// <summary>The file as imported, for re-parsing.</summary>
    public string? SourceText(long id) => _db.ExecuteScalar<string?>("SELECT raw_text FROM filings WHERE id = @id", new { id });

    /// <summary>The filing as it was stored: cover data, sections and statements read back from their tables.</summary>
    public Filing? Load(long id) => Load(_db, id);

    private readonly object _readerLock = new();
    private SqliteConnection? _reader;
    private bool _disposed;

    /// <summary>
    /// The same load on a read-only connection of its own, off the caller's thread, so a screen can draw the key
    /// that asked for it without waiting: a filing whose pages are not cached took 6-19 ms at a million filings, a
    /// whole frame. Loads run one at a time on one connection (its page cache stays warm); one read transaction
    /// makes the filing's rows one snapshot. A load cancelled before it starts never reads; cancelling one that is
    /// reading interrupts SQLite. Either way the task ends as cancelled.
    /// </summary>
    public Task<Filing?> LoadInBackground(long id, CancellationToken cancel) => Task.Run(
        () =>
        {
            lock (_readerLock)
            {
                cancel.ThrowIfCancellationRequested();
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_reader is null)
                {
                    _reader = new SqliteConnection(ReadOnlyConnectionString);
                    _reader.Open();
                }

                var reader = _reader;
                try
                {
                    return Interruptible(reader, cancel, () =>
                    {
                        using var snapshot = reader.BeginTransaction(deferred: true);
                        return Load(reader, id);
                    });
                }
                catch (SqliteException ex)
                {
                    throw StoreException.From(ex, Path);
                }
            }
        },
        cancel);

    private static Filing? Load(SqliteConnection db, long id)
    {
        var row = db.QuerySingleOrDefault<(string Cover, string Raw)>("SELECT cover_json, IFNULL(text, raw_text) FROM filings WHERE id = @id", new { id });
        if (row.Cover is null)
        {
            return null;
        }

        var f = FilingJsonReader.Read(row.Cover);
        f.Text = row.Raw;
        foreach (var s in db.Query<(string Heading, string Kind, string Text, int Line)>("SELECT heading, kind, text, line FROM sections WHERE filing_id = @id ORDER BY ord", new { id }))
        {
            f.Sections.Add(new Section(s.Heading, StatementKindNames.SectionKindFromKey(s.Kind), s.Text, s.Line));
        }

        foreach (var st in db.Query<(long Id, string Kind, string? Title, int SourceLine)>("SELECT id, kind, title, source_line FROM statements WHERE filing_id = @id ORDER BY ord", new { id }).ToList())
        {
            var statement = new Statement { Kind = StatementKindNames.FromKey(st.Kind), Title = st.Title, SourceLine = st.SourceLine };
            var columns = db.Query<(long Id, string End, int Months, int? FiscalYear, int? FiscalQuarter, string? Label)>("SELECT id, end_date, months, fiscal_year, fiscal_quarter, label FROM statement_columns WHERE statement_id = @Id ORDER BY ord", new { st.Id }).ToList();
            foreach (var c in columns)
            {
                statement.Columns.Add(new StatementColumn(DateOnly.ParseExact(c.End, "yyyy-MM-dd", CultureInfo.InvariantCulture), c.Months, c.Label) { FiscalYear = c.FiscalYear, FiscalQuarter = c.FiscalQuarter });
            }

            var facts = db.Query<(long Item, long Column, string? Value, string? Raw)>(
                "SELECT fa.line_item_id, fa.column_id, fa.value, fa.raw_text FROM facts fa JOIN line_items li ON li.id = fa.line_item_id WHERE li.statement_id = @Id", new { st.Id })
                .ToDictionary(x => (x.Item, x.Column));
            foreach (var li in db.Query<(long Id, string Label, string? Concept, string? Section, bool IsTotal, string Unit, int Scale, int SourceLine, bool CheckFailed)>(
                "SELECT id, label, concept, section, is_total, unit, scale, source_line, check_failed FROM line_items WHERE statement_id = @Id ORDER BY ord", new { st.Id }))
            {
                statement.Rows.Add(new StatementRow
                {
                    Label = li.Label,
                    Concept = li.Concept,
                    Section = li.Section,
                    IsTotal = li.IsTotal,
                    Unit = StatementKindNames.UnitFromKey(li.Unit),
                    Scale = li.Scale,
                    SourceLine = li.SourceLine,
                    CheckFailed = li.CheckFailed,
                    Values = [.. columns.Select(c => facts.TryGetValue((li.Id, c.Id), out var fa) && fa.Value is not null ? decimal.Parse(fa.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : (decimal?)null)],
                    RawValues = [.. columns.Select(c => facts.TryGetValue((li.Id, c.Id), out var fa) ? fa.Raw : null)],
                });
            }

            f.Statements.Add(statement);
        }

        return f;
    }

    /// <summary>
    /// Filings whose period is the given quarter (fiscal, or a period end within a date range): those of
    /// <paramref name="company"/> (the one being read) first, newest first; then other companies', most recently stored first.
    /// </summary>
    public IReadOnlyList<FilingSummary> FindPeriod(QuarterSpec spec, long? company = null, int limit = 50)
    {
        // Each part is one index walked in order, so a quarter that fifty thousand filings share costs no sort.
        var (inPeriod, order) = spec.FiscalYear is null
            ? ("f.period_end BETWEEN @from AND @to", "f.period_end DESC, f.id DESC")
            : ("f.fiscal_year = @fy AND f.fiscal_quarter = @fq", "f.id DESC");
        (string, object?)[] args =
        [
            ("@company", company),
            ("@limit", limit),
            ("@fy", spec.FiscalYear),
            ("@fq", spec.FiscalQuarter),
            ("@from", spec.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@to", spec.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ];
        var own = company is null ? [] : PlainSql.Summaries(_db, $"{SummaryFrom} WHERE f.company_id = @company AND {inPeriod} ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit", args);
        var others = PlainSql.Summaries(_db, $"{SummaryFrom} WHERE {inPeriod} AND f.company_id IS NOT @company ORDER BY {order} LIMIT @limit", args);
        return [.. own.Concat(others).Take(limit)];
    }

    /// <summary>The filings whose periods end nearest a date, for "no filing covers that quarter" answers.</summary>
    public IReadOnlyList<FilingSummary> NearestPeriod(string periodEnd, int count = 2)
    {
        var before = PlainSql.Summaries(_db, $"{SummaryFrom} WHERE f.period_end < @periodEnd ORDER BY f.period_end DESC LIMIT @count", ("@periodEnd", periodEnd), ("@count", count));
        var after = PlainSql.Summaries(_db, $"{SummaryFrom} WHERE f.period_end > @periodEnd ORDER BY f.period_end ASC LIMIT @count", ("@periodEnd", periodEnd), ("@count", count));
        return [.. before.Take(1).Concat(after.Take(1))];
    }

    /// <summary>How many of the newest matches a search ranks: beyond it, recency wins over relevance.</summary>
    public const int RankWindow = 5000;

    /// <summary>Full-text search over every filing's sections (FTS5). Bad query syntax is a <see cref="StoreException"/>.</summary>
    /// <param name="prefer">A filing whose hits come first (the one being read); then by relevance.</param>
    /// <param name="open">What the snippet puts before each match; <paramref name="close"/> after it.</param>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 200, long? prefer = null, string open = "[", string close = "]") =>
        Search(_db, query, limit, prefer, open, close);

    /// <summary>
    /// The same search on a read-only connection of its own, off the caller's thread: a common word over a million
    /// filings takes 30-50 ms (FTS5 counts every matching section to weigh the word) and far longer from a cold
    /// cache, and the screen must not stop for it. Cancelling interrupts SQLite and ends the task as cancelled.
    /// </summary>
    public Task<IReadOnlyList<SearchHit>> SearchInBackground(string query, CancellationToken cancel, int limit = 200, long? prefer = null, string open = "[", string close = "]")
    {
        var readOnly = ReadOnlyConnectionString;
        return Task.Run(() =>
        {
            using var connection = new SqliteConnection(readOnly);
            connection.Open();
            return Interruptible(connection, cancel, () => Search(connection, query, limit, prefer, open, close));
        }, cancel);
    }

    /// <summary>
    /// A read that cancelling interrupts inside SQLite; an interrupted read ends as cancelled. The registration ends
    /// with the read, inside the caller's use of the connection, so the interrupt never meets a closed handle.
    /// </summary>
    private static T Interruptible<T>(SqliteConnection db, CancellationToken cancel, Func<T> read)
    {
        using var interrupt = cancel.Register(() => SQLitePCL.raw.sqlite3_interrupt(db.Handle));
        try
        {
            return read();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            throw new OperationCanceledException(cancel);
        }
    }

    private static IReadOnlyList<SearchHit> Search(SqliteConnection db, string query, int limit, long? prefer, string open, string close)
    {
        try
        {
            // FTS5 answers "ORDER BY rank LIMIT n" without ranking every match; the preferred filing's hits are a
            // second, small query rather than a sort key that would make it rank them all.
            const string Select =
                """
                SELECT f.id AS FilingId, c.name AS Company, f.sort_date AS SortDate, s.heading AS Heading,
                       snippet(sections_fts, 1, @open, @close, '…', 12) AS Snippet, s.id AS SectionId
                FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid
                JOIN filings f ON f.id = s.filing_id JOIN companies c ON c.id = f.company_id
                WHERE sections_fts MATCH @query
                """;
            // A filing's sections have consecutive ids: FTS5 takes the rowid range itself, where a filter on the
            // joined filing id would walk every match first (15 s for a common word over a million filings).
            var first = prefer is null ? [] : db.Query<SearchHit>(
                Select + """
                     AND sections_fts.rowid BETWEEN (SELECT MIN(id) FROM sections WHERE filing_id = @prefer)
                                                AND (SELECT MAX(id) FROM sections WHERE filing_id = @prefer)
                     AND s.filing_id = @prefer ORDER BY s.ord
                    """,
                new { query, prefer, open, close }).ToList();

            // A common word matches most of a million filings, and ranking them all took 14 s: only the RankWindow
            // most recently stored matches are ranked. FTS5 walks matches in rowid order without scoring them.
            var floor = db.ExecuteScalar<long?>(
                "SELECT rowid FROM sections_fts WHERE sections_fts MATCH @query ORDER BY rowid DESC LIMIT 1 OFFSET @skip",
                new { query, skip = RankWindow - 1 }) ?? 0;
            var rest = db.Query<SearchHit>(Select + " AND sections_fts.rowid >= @floor ORDER BY rank LIMIT @limit", new { query, limit, open, close, floor });
            return [.. first.Concat(rest.Where(h => h.FilingId != prefer)).Take(limit)];
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw new StoreException($"the search \"{query}\" is not valid search syntax ({ex.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).TrimEnd('.')}); put phrases in double quotes.");
        }
    }

    public IReadOnlyList<ImportLogEntry> ImportLog(int limit = 500) =>
        [.. _db.Query<ImportLogEntry>("SELECT id AS Id, at AS At, path AS Path, sha256 AS Sha256, outcome AS Outcome, filing_id AS FilingId, message AS Message FROM import_log ORDER BY id DESC LIMIT @limit", new { limit })];

    /// <summary>Filings of the companies the list filter matches, from each company's kept count.</summary>
    public long CountMatching(string filter) => Prepare(filter).Matching;

    /// <summary>A page at an absolute position: used only when jumping far from any page already read.</summary>
    public IReadOnlyList<FilingSummary> PageAt(int offset, int limit, string? filter = null)
    {
        var where = string.IsNullOrWhiteSpace(filter) ? "1=1" : FilterSql(filter);
        return PlainSql.Summaries(_db, $"{SummaryFrom} WHERE {where} ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit OFFSET @offset", ("@limit", limit), ("@offset", offset));
    }

    /// <summary>
    /// A page counted from the end of the list (<paramref name="skip"/> rows before the oldest), returned newest
    /// first: the end of a long list (End, G) costs what its start does.
    /// </summary>
    public IReadOnlyList<FilingSummary> PageFromEnd(int skip, int limit, string? filter = null)
    {
        var where = string.IsNullOrWhiteSpace(filter) ? "1=1" : FilterSql(filter);
        var rows = PlainSql.Summaries(_db, $"{SummaryFrom} WHERE {where} ORDER BY f.sort_date ASC, f.id ASC LIMIT @limit OFFSET @skip", ("@limit", limit), ("@skip", skip));
        rows.Reverse();
        return rows;
    }

    /// <summary>How many filings sort before this one (its index in the list).</summary>
    public long? PositionOf(long id, string? filter = null)
    {
        if (Summary(id) is not FilingSummary s)
        {
            return null;
        }

        var where = string.IsNullOrWhiteSpace(filter) ? "1=1" : FilterSql(filter);
        return _db.ExecuteScalar<long>(
            $"SELECT COUNT(*) FROM filings f WHERE {where} AND (f.sort_date > @SortDate OR (f.sort_date = @SortDate AND f.id > @Id))",
            new { s.SortDate, s.Id });
    }
}
