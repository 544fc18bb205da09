using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using FilingTui.Data;

namespace FilingTui.Bench;

/// <summary>
/// A store of N filings for scale runs, made without parsing N files: each sample is parsed once, and every
/// synthetic filing is a copy of one with another company (40 filings each), its periods moved back whole years
/// and its amounts multiplied by a whole factor (totals still add up). Section text is cut short and the raw text
/// is one line, so a million filings fit on this machine's disk; statements and facts are full size.
/// </summary>
public static class SyntheticStore
{
    public const int FilingsPerCompany = 40;

    public static void Fill(string dbPath, IReadOnlyList<string> samples, int count, Action<int>? progress = null)
    {
        var templates = samples.Select(s => FilingJson.Write(ImportPipeline.ParseText(s))).ToList();
        using var store = FilingStore.Open(dbPath);
        var batch = new List<FilingStore.ParsedFile>(1000);
        for (var i = 0; i < count; i++)
        {
            batch.Add(new FilingStore.ParsedFile($"synthetic/filing-{i:D7}.txt", Make(templates[i % templates.Count], i), null));
            if (batch.Count == batch.Capacity || i == count - 1)
            {
                var failed = store.StoreBatch(batch).FirstOrDefault(r => r.Outcome != ImportOutcome.Imported);
                if (failed is not null)
                {
                    throw new InvalidOperationException($"synthetic filing {failed.Path} was not stored: {failed.Message}");
                }

                batch.Clear();
                progress?.Invoke(i + 1);
            }
        }
    }

    private static ParseResult Make(string template, int i)
    {
        var f = FilingJsonReader.Read(template);
        var company = i / FilingsPerCompany;
        var years = -(1 + (i % FilingsPerCompany) / 3);
        var factor = 1 + (i % 7);
        f.Company.Name = $"Synthetic Company {company:D6}";
        f.Company.Ticker = $"S{company:D6}";
        f.Company.Cik = (1_000_000 + company).ToString(CultureInfo.InvariantCulture);
        f.ReportDate = f.ReportDate?.AddYears(years);
        f.Release = f.Release is null ? null : f.Release with { Date = f.Release.Date?.AddYears(years) };
        f.Period = f.Period is null ? null : f.Period with { End = f.Period.End.AddYears(years), FiscalYear = f.Period.FiscalYear + years };
        foreach (var s in f.Statements)
        {
            for (var c = 0; c < s.Columns.Count; c++)
            {
                var col = s.Columns[c];
                s.Columns[c] = col with { End = col.End.AddYears(years), FiscalYear = col.FiscalYear + years, FiscalQuarter = col.FiscalQuarter };
            }

            foreach (var row in s.Rows.Where(r => r.Unit is not RowUnit.UsdPerShare))
            {
                row.Values = [.. row.Values.Select(v => v * factor)];
            }
        }

        var sections = f.Sections.Select(s => s with { Text = s.Text.Length > 400 ? s.Text[..400] : s.Text }).ToList();
        f.Sections.Clear();
        f.Sections.AddRange(sections);
        f.Text = $"Synthetic filing {i} of {f.Company.Name}, derived from a sample for scale runs.";
        f.Source = null;
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"synthetic-{i}")));
        return new ParseResult(f, sha, null, "utf-8");
    }
}
