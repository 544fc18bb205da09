using System.Diagnostics;
using FilingTui.Core.Model;
using FilingTui.Data;

namespace FilingTui.Bench;

/// <summary>
/// Lookup and go-to-quarter latency in process: the calls `filingtui lookup` and the TUI's `:` make, each timed on
/// its first call after opening (a cold page cache for that part of the store) and then warm. The quarters and the
/// company are the newest filing's, so every store answers with values.
/// </summary>
public static class Lookups
{
    public static void Run(string db)
    {
        using var store = FilingStore.Open(db);
        var newest = store.Page(null, 1).Single();
        var fiscal = QuarterSpec.Parse($"FY{newest.FiscalYear}Q{newest.FiscalQuarter}")!;
        var calendar = QuarterSpec.Parse(newest.PeriodEnd!)!;
        var company = newest.CompanyId;
        var cases = new (string Name, Func<int> Call)[]
        {
            ($"lookup Revenues --limit 20", () => store.History("Revenues", limit: 20).Count),
            ($"lookup \"total revenues\" --period {fiscal} --limit 20", () => store.History("total revenues", limit: 20, period: fiscal).Count),
            ($"lookup revenue --period {calendar} --limit 20", () => store.History("revenue", limit: 20, period: calendar).Count),
            ($"lookup revenue --company {newest.Ticker}", () => store.History("revenue", company).Count),
            ($"lookup net loss --period {fiscal} (1000 values)", () => store.History("net loss", limit: 1000, period: fiscal).Count),
            ($"TUI `: revenue {fiscal}` (the company being read)", () => store.History("revenue", company, period: fiscal).Count),
            ($"TUI `: {fiscal}` (go to quarter)", () => store.FindPeriod(fiscal, company).Count),
            ($"TUI line history of Revenues", () => store.History("Revenues", company).Count),
        };

        Console.WriteLine($"lookups over {store.Count():N0} filings ({db}):");
        foreach (var (name, call) in cases)
        {
            var sw = Stopwatch.StartNew();
            var n = call();
            var first = sw.Elapsed.TotalMilliseconds;
            var warm = new List<double>();
            for (var i = 0; i < 100; i++)
            {
                sw.Restart();
                call();
                warm.Add(sw.Elapsed.TotalMilliseconds);
            }

            warm.Sort();
            Console.WriteLine($"  {name,-62} {n,5} values  first {first,7:F2} ms  median {warm[50],6:F2} ms  p99 {warm[98],6:F2} ms");
        }
    }
}
