using System.Globalization;
using FilingTui.Core.Model;
using FilingTui.Data;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>
/// A line item across every stored filing: quarterly values (reported or derived) with a bar chart, then every
/// stored period as printed, with both values and their sources where two filings disagree.
/// </summary>
public static class LineHistory
{
    public static List<StyledParagraph> Build(string label, string? concept, IReadOnlyList<LineFact> facts, int width)
    {
        var companies = facts.Select(f => f.Company).Distinct().ToList();
        var across = companies.Count == 1 ? $"across {companies[0]}'s stored filings" : "across every stored filing";
        var lines = new List<StyledParagraph> { new($"{label} ({concept}) {across}", LineStyle.Heading) };
        if (facts.Count == 0)
        {
            lines.Add(new StyledParagraph("No stored values.", LineStyle.Dim));
            return lines;
        }

        foreach (var company in facts.GroupBy(f => f.Company))
        {
            var unit = StatementKindNames.UnitFromKey(company.First().Unit);
            var scale = company.First().Scale;
            lines.Add(new StyledParagraph(""));
            lines.Add(new StyledParagraph($"{company.Key} · quarterly · {Format.ScaleLabel(scale, unit)}", LineStyle.Heading));
            var periods = company.Where(f => f.Value is not null).Select(f => new PeriodValue(DateOnly.ParseExact(f.EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), f.Months, f.Value!.Value, $"#{f.FilingId} line {f.SourceLine}"));
            var quarters = QuarterSeries.Build(periods, unit);
            var max = quarters.Count == 0 ? 0 : quarters.Max(q => Math.Abs(q.Value));
            var barWidth = Math.Max(5, width - 40);
            foreach (var q in quarters)
            {
                var fiscal = company.FirstOrDefault(f => f.EndDate == q.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) && f.FiscalYear is not null) is LineFact ff && ff.FiscalYear is int y
                    ? ff.Months == 3 && ff.FiscalQuarter is int fq ? $"Q{fq} FY{y % 100:00}" : $"FY{y % 100:00}" : "";
                var n = max == 0 ? 0 : (int)Math.Round(Math.Abs(q.Value) / max * barWidth);
                var bar = new string(q.Value < 0 ? '▒' : '█', n);
                lines.Add(new StyledParagraph($"{q.End.Year}Q{(q.End.Month + 2) / 3} {fiscal,-8} {Format.Value(q.Value, unit),12}{(q.Derived ? "*" : " ")} {bar}", q.Derived ? LineStyle.Dim : LineStyle.Normal));
            }

            if (quarters.Any(q => q.Derived))
            {
                lines.Add(new StyledParagraph("* derived from year-to-date values (Q2 = 6M - Q1, Q4 = FY - 9M); ▒ negative", LineStyle.Dim));
            }

            lines.Add(new StyledParagraph(""));
            lines.Add(new StyledParagraph("As printed", LineStyle.Heading));
            foreach (var period in company.GroupBy(f => (f.EndDate, f.Months)).OrderBy(g => g.Key.EndDate).ThenBy(g => g.Key.Months))
            {
                var disagree = period.Select(f => f.Value).Distinct().Count() > 1;
                foreach (var f in disagree ? period.ToList() : [period.First()])
                {
                    var what = f.Months == 0 ? "as of" : $"{f.Months}M to";
                    lines.Add(new StyledParagraph(
                        $"{what} {f.EndDate} {Format.Value(f.Value, unit),12}  filing #{f.FilingId} ({f.FilingDate}), line {f.SourceLine}{(disagree ? "  ← filings disagree" : "")}",
                        disagree ? LineStyle.Warning : LineStyle.Normal));
                }
            }
        }

        return lines;
    }
}
