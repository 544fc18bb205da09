using Dapper;
using FilingTui.Core.Model;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data.Tests;

public sealed class LookupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("filingtui-lookup-").FullName;

    private string DbPath => Path.Combine(_dir, "filings.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    /// <summary>What a quarter means for a value, as the lookup's SQL must also read it.</summary>
    private static bool InQuarter(LineFact f, QuarterSpec spec)
    {
        if (f.Months is not (0 or 3))
        {
            return false;
        }

        if (spec.FiscalYear is int y)
        {
            return f.FiscalYear == y && f.FiscalQuarter == spec.FiscalQuarter;
        }

        var end = DateOnly.Parse(f.EndDate, System.Globalization.CultureInfo.InvariantCulture);
        return end >= spec.From && end <= spec.To;
    }

    private static IEnumerable<string> Keys(IEnumerable<LineFact> facts) =>
        facts.Select(f => $"{f.FilingId} {f.Label} {f.EndDate} {f.Months} {f.Value}");

    [Theory]
    [InlineData("Revenues")]
    [InlineData("NetIncomeLoss")]
    [InlineData("Assets")]
    public void Every_way_of_walking_the_store_finds_the_same_values(string concept)
    {
        using var store = FilingStore.Open(DbPath);
        Samples.ImportAll(store);
        var company = store.FindCompanies("IMGN").Single().Id;
        store.RareConceptLines = int.MaxValue;
        var all = store.History(concept);
        all.Should().NotBeEmpty();

        var specs = all.Where(f => f.FiscalYear is not null && f.FiscalQuarter is not null).Select(f => $"FY{f.FiscalYear}Q{f.FiscalQuarter}")
            .Concat(all.Select(f => f.EndDate[..4] + "Q" + (((int.Parse(f.EndDate[5..7], System.Globalization.CultureInfo.InvariantCulture) - 1) / 3) + 1)))
            .Concat(all.Select(f => f.EndDate))
            .Append("FY1990Q1").Distinct().Select(s => QuarterSpec.Parse(s)!).ToList();
        specs.Should().HaveCountGreaterThan(10);

        // Read whole through the concept index, or walked from the filings and the quarter's columns.
        foreach (var rare in new[] { int.MaxValue, 0 })
        {
            store.RareConceptLines = rare;
            foreach (var companyId in new long?[] { null, company })
            {
                Keys(store.History(concept, companyId)).Should().Equal(Keys(all), $"every value with rare={rare} company={companyId}");
                foreach (var spec in specs)
                {
                    Keys(store.History(concept, companyId, period: spec)).Should().BeEquivalentTo(
                        Keys(all.Where(f => InQuarter(f, spec))), $"the values of {spec} with rare={rare} company={companyId}");
                }
            }
        }
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void A_limit_keeps_the_newest_filings_values(int rare)
    {
        using var store = FilingStore.Open(DbPath);
        Samples.ImportAll(store);
        store.RareConceptLines = rare;
        var newest = store.History("Revenues").Max(f => f.FilingDate);
        var some = store.History("Revenues", out var more, limit: 2);
        some.Should().HaveCount(2);
        some.Select(f => f.FilingDate).Should().AllBe(newest);
        more.Should().BeTrue();
        var count = store.History("Revenues").Count;
        store.History("Revenues", out more, limit: count).Should().HaveCount(count);
        more.Should().BeFalse("exactly the limit is all there is");
    }

    [Fact]
    public void A_label_a_person_types_finds_its_concept()
    {
        using var store = FilingStore.Open(DbPath);
        Samples.ImportAll(store);
        store.History("revenue").Select(f => f.Concept).Distinct().Should().Equal("Revenues");
        store.History("Total Revenues").Select(f => f.Concept).Distinct().Should().Equal("Revenues");
        store.History("revenues").Should().HaveCount(store.History("Revenues").Count);
        store.History("research and development").Select(f => f.Concept).Distinct().Should().Equal("ResearchAndDevelopmentExpense");
        store.History("development and research").Should().BeEmpty("the words must appear as typed");
        store.History("   ").Should().BeEmpty();
        store.History("\"*").Should().BeEmpty("quotes and stars are not search syntax here");
    }

    [Fact]
    public void A_store_from_before_the_lookup_indexes_gets_them_on_opening()
    {
        using (var store = FilingStore.Open(DbPath))
        {
            Samples.ImportAll(store);
        }

        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute(
                """
                DROP TRIGGER line_items_label; DROP TABLE labels_fts; DROP TABLE labels; DROP INDEX columns_by_fiscal; DROP INDEX columns_by_end;
                DROP TRIGGER filings_count_ai; DROP TRIGGER filings_count_ad; DROP TRIGGER filings_count_au; ALTER TABLE companies DROP COLUMN filing_count;
                DROP INDEX filings_by_date; CREATE INDEX filings_by_date ON filings(sort_date DESC, id DESC);
                DROP TRIGGER filings_total_ai; DROP TRIGGER filings_total_ad; DROP TABLE totals;
                CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
                    INSERT INTO sections_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
                END;
                PRAGMA user_version = 2;
                """);
        }

        using var reopened = FilingStore.Open(DbPath);
        reopened.SchemaVersion.Should().Be(FilingStore.LatestSchemaVersion);
        reopened.History("total revenues").Should().NotBeEmpty();
        reopened.CountMatching("immunogen").Should().Be(3);
        reopened.Count().Should().Be(3, "the total is counted once when the store gets its table");
        reopened.Import("another.txt", [.. File.ReadAllBytes(Samples.PathOf(Samples.Names[0])), .. "\n"u8]).Outcome.Should().Be(ImportOutcome.Imported);
        reopened.Count().Should().Be(4, "the triggers count what is imported after the migration");
        reopened.Search("\"multiple myeloma\"").Should().NotBeEmpty("the search index written by the old trigger stays");
        using var check = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        check.Open();
        check.ExecuteScalar<long>("SELECT COUNT(*) FROM labels").Should().Be(
            check.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT DISTINCT label COLLATE NOCASE, concept FROM line_items WHERE concept IS NOT NULL)"));
    }

    [Fact]
    public void Each_company_keeps_its_count_of_filings_through_imports_and_reparses()
    {
        using var store = FilingStore.Open(DbPath);
        Samples.ImportAll(store);
        store.CountMatching("IMGN").Should().Be(3);
        store.CountMatching("immunogen").Should().Be(3);
        store.CountMatching("genentech").Should().Be(0);
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute("INSERT INTO companies (name) VALUES ('Elsewhere Inc.')");
            c.Execute("UPDATE filings SET company_id = (SELECT id FROM companies WHERE name = 'Elsewhere Inc.') WHERE id = 1");
        }

        store.CountMatching("elsewhere").Should().Be(1);
        store.CountMatching("immunogen").Should().Be(2);
        store.ReparseAll(_ => { }, r => r.Outcome.Should().Be(ImportOutcome.Imported));
        store.CountMatching("immunogen").Should().Be(3, "the re-parse gives the filing back to the company its text names");
        store.CountMatching("elsewhere").Should().Be(0);
        store.FindCompanies("elsewhere").Should().BeEmpty("a company left without filings goes");
    }

    [Fact]
    public void The_filter_read_early_still_sees_what_is_committed_after_it()
    {
        using var store = FilingStore.Open(DbPath);
        Samples.ImportAll(store);
        store.PreloadFilter();
        using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            c.Open();
            c.Execute("INSERT INTO companies (name, ticker) VALUES ('Elsewhere Inc.', 'ELSW')");
            c.Execute("UPDATE filings SET company_id = (SELECT id FROM companies WHERE name = 'Elsewhere Inc.') WHERE id = 1");
        }

        store.CountMatching("elsw").Should().Be(1, "another program's commit after the early read makes the filter read again");
        store.CountMatching("IMMUNOGEN").Should().Be(2);
        store.Page(null, 10, "elsewhere").Select(s => s.Id).Should().Equal(1);
        store.Import("late.txt", System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Samples.PathOf(Samples.Names[0])).Replace("ImmunoGen", "Latecomer", StringComparison.Ordinal)));
        store.CountMatching("latecomer").Should().Be(1, "this store's own import counts too");
    }

    [Fact]
    public void Companies_are_found_by_ticker_cik_or_part_of_the_name()
    {
        using var store = FilingStore.Open(DbPath);
        Samples.ImportAll(store);
        var imgn = store.FindCompanies("imgn").Should().ContainSingle().Subject;
        imgn.Name.Should().Be("ImmunoGen, Inc.");
        store.FindCompanies("immuno").Should().ContainSingle().Which.Id.Should().Be(imgn.Id);
        store.FindCompanies("Genentech").Should().BeEmpty();
        store.FindCompanies("100%").Should().BeEmpty();
    }
}
