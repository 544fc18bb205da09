using Dapper;
using FilingTui.Core.Model;
using FilingTui.Data;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("filingtui-store-").FullName;

    private string DbPath => Path.Combine(_dir, "filings.db");

    private static string SamplePath(string name) => Samples.PathOf(name);

    private static readonly string[] Names = Samples.Names;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    private static long Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        return c.ExecuteScalar<long>(sql);
    }

    private static void ImportAll(FilingStore store) => Samples.ImportAll(store);

    [Fact]
    public void Opening_applies_migrations_with_wal_and_foreign_keys()
    {
        using var store = FilingStore.Open(DbPath);
        store.SchemaVersion.Should().BeGreaterThanOrEqualTo(1);
        Scalar(DbPath, "PRAGMA user_version").Should().Be(store.SchemaVersion);
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        c.ExecuteScalar<string>("PRAGMA journal_mode").Should().Be("wal");
    }

    [Fact]
    public void Importing_the_same_bytes_twice_is_a_duplicate_and_changes_nothing()
    {
        using (var store = FilingStore.Open(DbPath))
        {
            ImportAll(store);
        }

        var facts = Scalar(DbPath, "SELECT COUNT(*) FROM facts");
        using (var store = FilingStore.Open(DbPath))
        {
            foreach (var n in Names)
            {
                var r = store.Import(SamplePath(n), File.ReadAllBytes(SamplePath(n)));
                r.Outcome.Should().Be(ImportOutcome.Duplicate);
                r.Message.Should().StartWith("already stored as filing");
            }

            store.Count().Should().Be(3);
        }

        Scalar(DbPath, "SELECT COUNT(*) FROM facts").Should().Be(facts);
        Scalar(DbPath, "SELECT COUNT(*) FROM import_log WHERE outcome = 'duplicate'").Should().Be(3);
    }

    [Fact]
    public void Facts_rows_hold_the_values_with_raw_text_and_source_line()
    {
        using (var store = FilingStore.Open(DbPath))
        {
            ImportAll(store);
        }

        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        var row = c.QuerySingle<(string Value, string Raw, long Line, long Derived)>(
            """
            SELECT fa.value, fa.raw_text, fa.source_line, fa.derived FROM facts fa
            JOIN line_items li ON li.id = fa.line_item_id JOIN statement_columns sc ON sc.id = fa.column_id
            WHERE li.label = 'Net income (loss)' AND sc.end_date = '2005-09-30' AND sc.months = 3
            """);
        row.Value.Should().Be("-4706");
        row.Raw.Should().Be("(4,706))");
        row.Line.Should().Be(183);
        row.Derived.Should().Be(0);
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM sections_fts WHERE sections_fts MATCH '\"multiple myeloma\"'").Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_filing_that_fails_while_being_stored_leaves_no_row_behind()
    {
        using (var store = FilingStore.Open(DbPath))
        {
            store.Import(SamplePath(Names[1]), File.ReadAllBytes(SamplePath(Names[1])));
        }

        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute("CREATE TRIGGER boom BEFORE INSERT ON facts WHEN NEW.value = '7778' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
        }

        var before = new[] { "filings", "sections", "statements", "statement_columns", "line_items", "facts" }.ToDictionary(t => t, t => Scalar(DbPath, $"SELECT COUNT(*) FROM {t}"));
        using (var store = FilingStore.Open(DbPath))
        {
            var r = store.Import(SamplePath(Names[0]), File.ReadAllBytes(SamplePath(Names[0])));
            r.Outcome.Should().Be(ImportOutcome.Failed);
            r.Message.Should().Contain("nothing of it was written");
        }

        foreach (var (table, count) in before)
        {
            Scalar(DbPath, $"SELECT COUNT(*) FROM {table}").Should().Be(count, table);
        }
    }

    [Fact]
    public void Empty_and_binary_files_are_refused_and_logged_without_touching_stored_filings()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        store.Import("empty.txt", []).Message.Should().Be("the file is empty");
        var binary = new byte[5000];
        new Random(3).NextBytes(binary);
        store.Import("x.bin", binary).Outcome.Should().Be(ImportOutcome.Failed);
        store.Count().Should().Be(3);
        store.ImportLog().Count(e => e.Outcome == "failed").Should().Be(2);
    }

    [Fact]
    public void A_stored_filing_loads_back_with_the_same_statements()
    {
        using var store = FilingStore.Open(DbPath);
        var bytes = File.ReadAllBytes(SamplePath(Names[2]));
        var id = store.Import(SamplePath(Names[2]), bytes).FilingId!.Value;
        var parsed = Core.Import.ImportPipeline.Parse(bytes).Filing!;
        var loaded = store.Load(id)!;
        loaded.Company.Name.Should().Be("ImmunoGen, Inc.");
        loaded.Period!.FiscalQuarter.Should().Be(2);
        loaded.Statements.Should().HaveCount(parsed.Statements.Count);
        for (var i = 0; i < parsed.Statements.Count; i++)
        {
            loaded.Statements[i].Rows.Select(r => (r.Label, string.Join(",", r.Values))).Should().Equal(parsed.Statements[i].Rows.Select(r => (r.Label, string.Join(",", r.Values))));
        }

        loaded.Sections.Select(s => s.Heading).Should().Equal(parsed.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void List_pages_by_key_newest_first()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        var first = store.Page(null, 2);
        first.Select(s => s.SortDate).Should().Equal("2011-01-27", "2005-11-03");
        var next = store.Page(new PageKey(first[^1].SortDate, first[^1].Id), 2);
        next.Select(s => s.SortDate).Should().Equal("2003-05-08");
        store.PageBefore(new PageKey(next[0].SortDate, next[0].Id), 5).Select(s => s.SortDate).Should().Equal("2011-01-27", "2005-11-03");
    }

    [Fact]
    public void Quarters_and_line_history_are_found()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        store.FindPeriod(QuarterSpec.Parse("FY2006Q1")!).Single().SortDate.Should().Be("2005-11-03");
        store.FindPeriod(QuarterSpec.Parse("2010Q4")!).Single().SortDate.Should().Be("2011-01-27");
        var revenues = store.History("Revenues");
        revenues.Where(f => f.Months == 3).Select(f => f.EndDate).Distinct().Should().HaveCount(6);
        revenues.Single(f => f.EndDate == "2005-09-30" && f.Months == 3).Value.Should().Be(7778m);
        store.History("total revenues").Should().HaveCount(revenues.Count);
    }

    [Fact]
    public void Bad_search_syntax_is_a_plain_message()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        var act = () => store.Search("\"unbalanced");
        act.Should().Throw<StoreException>().WithMessage("*not valid search syntax*");
    }

    [Fact]
    public async Task A_search_in_the_background_answers_as_the_search_does_and_a_cancelled_one_ends_cancelled()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        var here = store.Search("\"multiple myeloma\"", prefer: 1);
        var there = await store.SearchInBackground("\"multiple myeloma\"", CancellationToken.None, prefer: 1);
        there.Should().BeEquivalentTo(here, o => o.WithStrictOrdering());
        there.Should().NotBeEmpty();
        there[0].FilingId.Should().Be(1);

        var bad = () => store.SearchInBackground("\"unbalanced", CancellationToken.None);
        await bad.Should().ThrowAsync<StoreException>().WithMessage("*not valid search syntax*");

        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var stopped = () => store.SearchInBackground("\"multiple myeloma\"", cancel.Token);
        await stopped.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_load_in_the_background_reads_what_a_load_reads_sees_later_imports_and_a_cancelled_one_never_reads()
    {
        using var store = FilingStore.Open(DbPath);
        Samples.Import(store, Samples.Names[0]);
        foreach (var id in new long[] { 1, 99 })
        {
            var there = await store.LoadInBackground(id, CancellationToken.None);
            var here = store.Load(id);
            (there is null ? null : FilingJson.Write(there, id)).Should().Be(here is null ? null : FilingJson.Write(here, id));
        }

        // The reader connection stays open between loads: a filing committed since is read, not an old snapshot.
        Samples.Import(store, Samples.Names[1]);
        var second = await store.LoadInBackground(2, CancellationToken.None);
        second!.Statements.Should().NotBeEmpty();
        FilingJson.Write(second, 2).Should().Be(FilingJson.Write(store.Load(2)!, 2));

        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var stopped = () => store.LoadInBackground(1, cancel.Token);
        await stopped.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_and_left_untouched()
    {
        File.WriteAllText(DbPath, "these are my notes, not a database");
        var act = () => FilingStore.Open(DbPath);
        act.Should().Throw<StoreException>().WithMessage($"{DbPath} is not a FilingTui store*");
        File.ReadAllText(DbPath).Should().Be("these are my notes, not a database");
    }

    [Fact]
    public void A_store_from_a_newer_schema_is_refused()
    {
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute("CREATE TABLE t(x); PRAGMA user_version = 999;");
        }

        var before = File.ReadAllBytes(DbPath);
        var act = () => FilingStore.Open(DbPath);
        act.Should().Throw<StoreException>().WithMessage("*newer FilingTui*");
        Scalar(DbPath, "PRAGMA user_version").Should().Be(999);
        File.ReadAllBytes(DbPath).Should().Equal(before, "refusing switches it to no other journal mode");
    }

    [Fact]
    public void Another_programs_sqlite_file_is_refused_with_its_bytes_unchanged()
    {
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute("CREATE TABLE contacts(name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ann', '555-0100');");
        }

        var before = File.ReadAllBytes(DbPath);
        var act = () => FilingStore.Open(DbPath);
        act.Should().Throw<StoreException>().WithMessage($"{DbPath} is another program's SQLite database*left untouched.");
        File.ReadAllBytes(DbPath).Should().Equal(before);
        File.Exists(DbPath + "-wal").Should().BeFalse();
    }

    [Fact]
    public void Import_many_parses_in_parallel_and_stores_each_filing_once()
    {
        using var store = FilingStore.Open(DbPath);
        var paths = Names.Select(SamplePath).Concat(Names.Select(SamplePath)).Append("unreadable.txt").ToList();
        var results = new List<ImportResult>();
        store.ImportMany(paths, p => File.Exists(p) ? (File.ReadAllBytes(p), null) : (null, "no such file"), results.Add);
        results.Should().HaveCount(7);
        results.Count(r => r.Outcome == ImportOutcome.Imported).Should().Be(3);
        results.Count(r => r.Outcome == ImportOutcome.Duplicate).Should().Be(3);
        results.Single(r => r.Outcome == ImportOutcome.Failed).Message.Should().Be("no such file");
        store.Count().Should().Be(3);
    }

    [Fact]
    public void A_cancelled_import_keeps_what_was_stored_and_nothing_half_written()
    {
        using var store = FilingStore.Open(DbPath);
        using var cancel = new CancellationTokenSource();
        var stored = 0;
        store.ImportMany(Names.Select(SamplePath).ToList(), p => (File.ReadAllBytes(p), null), r =>
        {
            stored++;
            cancel.Cancel();
        }, cancel.Token);
        store.Count().Should().Be(stored);
        stored.Should().BeGreaterThanOrEqualTo(1);
        Scalar(DbPath, "SELECT COUNT(*) FROM statements WHERE filing_id NOT IN (SELECT id FROM filings)").Should().Be(0);
    }

    [Fact]
    public void Re_parse_all_rebuilds_every_filing_from_its_stored_source_in_place()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        var facts = Scalar(DbPath, "SELECT COUNT(*) FROM facts");
        var sections = Scalar(DbPath, "SELECT COUNT(*) FROM sections");
        var revenue = store.History("Revenues").Select(f => (f.FilingId, f.EndDate, f.Months, f.Value)).ToList();
        var hits = store.Search("\"multiple myeloma\"").Select(h => h.FilingId).ToList();
        hits.Distinct().Should().BeEquivalentTo([1L, 3L]);

        // What an older parser might have left: one filing without its statements, marked with warnings and a stale version.
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute("PRAGMA foreign_keys = ON; DELETE FROM statements WHERE filing_id = 1; UPDATE filings SET status = 'warnings', parser_version = 1 WHERE id = 1");
        }

        Scalar(DbPath, "SELECT COUNT(*) FROM facts").Should().BeLessThan(facts);
        var results = new List<ImportResult>();
        long total = 0;
        store.ReparseAll(t => total = t, results.Add);

        total.Should().Be(3);
        results.Select(r => r.FilingId).Should().Equal(1L, 2L, 3L);
        results.Should().OnlyContain(r => r.Outcome == ImportOutcome.Imported);
        results[0].Message.Should().StartWith("warnings → reconciled");
        results[1].Message.Should().Be("reconciled");
        results.Select(r => r.StatusChanged).Should().Equal(true, false, false);
        Scalar(DbPath, "SELECT COUNT(*) FROM facts").Should().Be(facts);
        Scalar(DbPath, "SELECT COUNT(*) FROM sections").Should().Be(sections, "old sections are replaced, not added to");
        Scalar(DbPath, "SELECT COUNT(*) FROM filings WHERE parser_version = " + FilingTui.Core.Import.ImportPipeline.ParserVersion).Should().Be(3);
        Scalar(DbPath, "SELECT COUNT(*) FROM filings").Should().Be(3, "the filings keep their ids");
        store.Count().Should().Be(3, "the companies' filing counts, which Count sums, follow a re-parse");
        Scalar(DbPath, "SELECT COUNT(*) FROM companies").Should().Be(1);
        store.History("Revenues").Select(f => (f.FilingId, f.EndDate, f.Months, f.Value)).Should().Equal(revenue);
        store.Search("\"multiple myeloma\"").Select(h => h.FilingId).Should().Equal(hits, "the full-text index follows the replaced sections, once each");
        SearchIndexMatchesSections();
        using var check = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        check.Open();
        check.ExecuteScalar<string>("PRAGMA integrity_check").Should().Be("ok");
    }

    [Fact]
    public void Cancelling_a_re_parse_leaves_each_filing_wholly_old_or_wholly_new()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        var facts = Scalar(DbPath, "SELECT COUNT(*) FROM facts");
        using var cancel = new CancellationTokenSource();
        var results = new List<ImportResult>();
        store.ReparseAll(_ => { }, r =>
        {
            results.Add(r);
            cancel.Cancel();
        }, cancel.Token);

        results.Should().ContainSingle();
        Scalar(DbPath, "SELECT COUNT(*) FROM facts").Should().Be(facts);
        Scalar(DbPath, "SELECT COUNT(*) FROM statements WHERE filing_id IN (2, 3)").Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_filing_that_fails_inside_a_batch_is_rolled_back_alone_and_logged()
    {
        FilingStore.Open(DbPath).Dispose();
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            // Stands in for any write SQLite refuses part-way through one filing (after its filing row and sections).
            c.Open();
            c.Execute("CREATE TRIGGER refuse BEFORE INSERT ON statements WHEN (SELECT c.name FROM filings f JOIN companies c ON c.id = f.company_id WHERE f.id = new.filing_id) = 'Refused Co' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        }

        var text = File.ReadAllText(SamplePath(Names[0]));
        var bad = FilingTui.Core.Import.ImportPipeline.Parse(System.Text.Encoding.UTF8.GetBytes(text.Replace("ImmunoGen, Inc.", "Refused Co", StringComparison.Ordinal).Replace("IMMUNOGEN, INC.", "Refused Co", StringComparison.Ordinal)));
        bad.Filing!.Company.Name.Should().Be("Refused Co");
        FilingStore.ParsedFile Parsed(string name) => new(name, FilingTui.Core.Import.ImportPipeline.Parse(File.ReadAllBytes(SamplePath(name))), null);

        using var store = FilingStore.Open(DbPath);
        var results = store.StoreBatch([Parsed(Names[1]), new FilingStore.ParsedFile("bad.txt", bad, null), Parsed(Names[2]), new FilingStore.ParsedFile("gone.txt", null, "it could not be read (no such file)")]);

        results.Select(r => r.Outcome).Should().Equal(ImportOutcome.Imported, ImportOutcome.Failed, ImportOutcome.Imported, ImportOutcome.Failed);
        results[1].Message.Should().Contain("refused by the test").And.Contain("nothing of it was written");
        results[3].Message.Should().Be("it could not be read (no such file)");
        Scalar(DbPath, "SELECT COUNT(*) FROM filings").Should().Be(2);
        Scalar(DbPath, "SELECT COUNT(*) FROM sections WHERE filing_id NOT IN (SELECT id FROM filings)").Should().Be(0, "the refused filing's sections went with it");
        Scalar(DbPath, "SELECT COUNT(*) FROM companies WHERE name = 'Refused Co'").Should().Be(0);
        Scalar(DbPath, "SELECT COUNT(*) FROM import_log").Should().Be(4);
        Scalar(DbPath, "SELECT COUNT(*) FROM import_log WHERE outcome = 'failed' AND path = 'bad.txt'").Should().Be(1);
        store.Search("\"multiple myeloma\"").Select(h => h.FilingId).Distinct().Should().Equal([results[2].FilingId!.Value], "the refused filing's text is not in the search index");
        SearchIndexMatchesSections();
    }

    [Fact]
    public void Text_cut_through_a_surrogate_pair_is_stored_with_a_replacement_character_not_refused()
    {
        // A parser may cut a label or heading inside an emoji. The rows go to SQLite as JSON text: the filing must
        // still be stored, with U+FFFD where the half character was, as a bound parameter stored it.
        var parsed = FilingTui.Core.Import.ImportPipeline.Parse(File.ReadAllBytes(SamplePath(Names[1])));
        var filing = parsed.Filing!;
        filing.Sections[0] = filing.Sections[0] with { Heading = "Cut \uD83D here", Text = "a \uDE00 lone low half, and a whole \U0001F600" };
        filing.Statements[0].Rows[0].Label = "Revenue \uD83D";

        using var store = FilingStore.Open(DbPath);
        store.StoreBatch([new FilingStore.ParsedFile("cut.txt", parsed, null)]).Single().Outcome.Should().Be(ImportOutcome.Imported);

        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        c.ExecuteScalar<string>("SELECT heading FROM sections WHERE ord = 0").Should().Be("Cut \uFFFD here");
        c.ExecuteScalar<string>("SELECT text FROM sections WHERE ord = 0").Should().Be("a \uFFFD lone low half, and a whole \U0001F600");
        c.ExecuteScalar<string>("SELECT label FROM line_items ORDER BY id LIMIT 1").Should().Be("Revenue \uFFFD");
        SearchIndexMatchesSections();
    }

    /// <summary>FTS5's own check that the search index holds exactly the sections' text (it throws if not).</summary>
    private void SearchIndexMatchesSections()
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        c.Execute("INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public void A_page_counted_from_the_end_is_the_same_rows_as_one_counted_from_the_top()
    {
        using var store = FilingStore.Open(DbPath);
        ImportAll(store);
        store.PageFromEnd(0, 2).Select(r => r.Id).Should().Equal(store.PageAt(1, 2).Select(r => r.Id));
        store.PageFromEnd(1, 1).Select(r => r.Id).Should().Equal(store.PageAt(1, 1).Select(r => r.Id));
        store.PageFromEnd(0, 3, "imgn").Select(r => r.Id).Should().Equal(store.Page(null, 3, "imgn").Select(r => r.Id));
    }
}
