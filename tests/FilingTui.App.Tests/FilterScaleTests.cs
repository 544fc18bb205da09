using FilingTui.Data;
using Microsoft.Data.Sqlite;

namespace FilingTui.App.Tests;

/// <summary>
/// The list filter over 100,000 filings against the same question asked of SQLite with LIKE: a filter matching
/// many companies (checked per filing as the date index is walked) and ones matching a few (read through the
/// company index), by name and by ticker.
/// </summary>
public sealed class FilterScaleTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static List<long> Newest(string db, string filter, int limit)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT f.id FROM filings f JOIN companies c ON c.id = f.company_id
            WHERE c.name LIKE '%' || @f || '%' OR c.ticker LIKE '%' || @f || '%'
            ORDER BY f.sort_date DESC, f.id DESC LIMIT @limit
            """;
        cmd.Parameters.AddWithValue("@f", filter);
        cmd.Parameters.AddWithValue("@limit", limit);
        using var r = cmd.ExecuteReader();
        var ids = new List<long>();
        while (r.Read())
        {
            ids.Add(r.GetInt64(0));
        }

        return ids;
    }

    [Theory]
    [InlineData("company 001", 40_000)]
    [InlineData("COMPANY 00012", 400)]
    [InlineData("s00001", 400)]
    public void A_filter_lists_the_filings_of_every_company_whose_name_or_ticker_holds_it(string filter, int count)
    {
        var db = Path.Combine(_tmp.Dir, "big.db");
        File.Copy(ScaleStore.Get(100_000), db);
        using var store = FilingStore.Open(db);
        store.PreloadFilter();

        store.CountMatching(filter).Should().Be(count);
        var first = store.Page(null, 100, filter);
        var second = store.Page(new PageKey(first[^1].SortDate, first[^1].Id), 100, filter);
        first.Concat(second).Select(s => s.Id).Should().Equal(Newest(db, filter, 200));
        store.PositionOf(second[10].Id, filter).Should().Be(110);
        store.PageBefore(new PageKey(second[0].SortDate, second[0].Id), 100, filter).Select(s => s.Id).Should().Equal(first.Select(s => s.Id));

        // A company added by another program after the filter read the companies is found on the next ask.
        using (var other = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            other.Open();
            using var cmd = other.CreateCommand();
            cmd.CommandText = "INSERT INTO companies (name, ticker) VALUES ('Synthetic Company 001 Late', 'LATE'); UPDATE filings SET company_id = last_insert_rowid() WHERE id = (SELECT MAX(id) FROM filings)";
            cmd.ExecuteNonQuery();
        }

        store.CountMatching("late").Should().Be(1);
    }
}
