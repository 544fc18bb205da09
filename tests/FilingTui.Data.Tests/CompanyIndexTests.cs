using Dapper;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data.Tests;

public sealed class CompanyIndexTests
{
    private static CompanyIndex Index(params (long Id, string Name, string? Ticker, long Filings)[] companies)
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        db.Execute("CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL, ticker TEXT, filing_count INTEGER NOT NULL)");
        foreach (var c in companies)
        {
            db.Execute("INSERT INTO companies VALUES (@Id, @Name, @Ticker, @Filings)", new { c.Id, c.Name, c.Ticker, c.Filings });
        }

        return CompanyIndex.Read(db);
    }

    private static (long Filings, long[] Ids) Match(CompanyIndex index, string needle)
    {
        var mask = new byte[index.MaxId];
        var filings = index.Match(needle, mask);
        return (filings, [.. Enumerable.Range(1, mask.Length).Where(i => mask[i - 1] == 1).Select(i => (long)i)]);
    }

    [Fact]
    public void A_name_or_ticker_holding_the_text_matches_whatever_its_case_and_each_company_counts_once()
    {
        var index = Index((1, "ImmunoGen, Inc.", "IMGN", 3), (4, "Genentech", null, 5), (7, "Imgen Holdings", "IMG", 2), (9, "Société Générale", "GLE", 1));
        index.Count.Should().Be(4);
        index.MaxId.Should().Be(9);
        index.TotalFilings.Should().Be(11);

        Match(index, "gen").Should().BeEquivalentTo((10L, new long[] { 1, 4, 7 }), "\"Générale\" holds no plain \"gen\"");
        Match(index, "imgn").Should().BeEquivalentTo((3L, new long[] { 1 }), "a ticker matches");
        Match(index, "img").Should().BeEquivalentTo((5L, new long[] { 1, 7 }), "a name and its ticker both holding it count once");
        Match(index, "GÉNÉRALE").Should().BeEquivalentTo((1L, new long[] { 9 }), "case is ignored beyond ASCII");
        Match(index, "techimg").Should().BeEquivalentTo((0L, Array.Empty<long>()), "a match never runs from one company into the next");
        Match(index, "inc.IMGN").Should().BeEquivalentTo((0L, Array.Empty<long>()), "nor from a name into its ticker");
        Match(index, "amgen").Should().BeEquivalentTo((0L, Array.Empty<long>()));
    }

    [Fact]
    public void An_empty_table_matches_nothing()
    {
        var index = Index();
        index.Count.Should().Be(0);
        Match(index, "a").Filings.Should().Be(0);
    }
}
