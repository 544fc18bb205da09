using System.Globalization;
using System.Text.RegularExpressions;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// Header text to periods. Headers in text renderings are often broken ("Three Months Er", a date without its
/// year, "ASSETS" OCR'd as "ACCETC"), so the title line ("As of September 30, 2005 and June 30, 2005",
/// "For the three and nine months ended March 31, 2003 and 2002") fills what the header lacks.
/// </summary>
/// <summary>The quarter a release reports, as its text states it before the tables are read; either part may be unknown.</summary>
public sealed record ReleasePeriod(DateOnly? End, int? Quarter, int? FiscalYearEndMonth = null);

public static partial class ColumnResolver
{
    [GeneratedRegex(@"\b(?<n>three|six|nine|twelve|thirteen|fourteen|twenty[- ]six|twenty[- ]seven|thirty[- ]nine|forty|fifty[- ]two|fifty[- ]three|[0-9]{1,2})[- ](?<u>months?|weeks?|mos\.?)|\b(?<fy>fiscal year|year|twelve months|full year)s?\s+end(?:ed|ing)|\b(?<q>quarter)s?\s+end(?:ed|ing)|\b(?<oq>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\b|\bQ(?<qn>[1-4])\b|\b(?<ytd>year[- ]to[- ]date|YTD)\b|\b(?<lone>quarter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b(?<a>three|six|nine|twelve)\s+and\s+(?<b>three|six|nine|twelve)\s+months", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPair();

    [GeneratedRegex(@"(?<![0-9,.$])(?:19|20)[0-9]{2}(?![0-9,])")]
    private static partial Regex Year();

    private static int? Months(string n, string unit)
    {
        var count = n.ToLowerInvariant().Replace('-', ' ') switch
        {
            "three" => 3,
            "six" => 6,
            "nine" => 9,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "twenty six" or "twenty seven" => 26,
            "thirty nine" or "forty" => 39,
            "fifty two" or "fifty three" => 52,
            var d when int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var v) => v,
            _ => 0,
        };
        if (unit.StartsWith("week", StringComparison.OrdinalIgnoreCase))
        {
            return count switch { 13 or 14 => 3, 26 or 27 => 6, 39 or 40 => 9, 52 or 53 => 12, _ => null };
        }

        return count is 3 or 6 or 9 or 12 ? count : null;
    }

    /// <summary>
    /// The period lengths a header or title names, in order. "YTD" is as long as the quarter it runs to: the quarter
    /// the same text names ("Q3 2006 ... YTD 2006"), else <paramref name="quarter"/>, the one the release reports.
    /// </summary>
    public static List<int> Durations(string text, int? quarter = null)
    {
        var list = new List<int>();
        int? named = null;
        var pair = DurationPair().Match(text);
        foreach (Match m in Duration().Matches(text))
        {
            if (pair.Success && m.Index >= pair.Index && m.Index < pair.Index + pair.Length)
            {
                list.Add(Months(pair.Groups["a"].Value, "months") ?? 3);
                list.Add(Months(pair.Groups["b"].Value, "months") ?? 3);
                continue;
            }

            named ??= m.Groups["qn"].Success ? m.Groups["qn"].Value[0] - '0' : m.Groups["oq"].Success ? CoverParser.QuarterNumber(m.Groups["oq"].Value) : null;
            int? months = m.Groups["fy"].Success ? 12
                : m.Groups["q"].Success || m.Groups["oq"].Success || m.Groups["qn"].Success || m.Groups["lone"].Success ? 3
                : m.Groups["ytd"].Success ? 3 * (named ?? quarter)
                : Months(m.Groups["n"].Value, m.Groups["u"].Value);
            if (months is int v)
            {
                list.Add(v);
            }
        }

        return list;
    }

    public static List<int> Years(string text)
    {
        var masked = GroupedNumber().Replace(text, m => new string(' ', m.Length));
        return [.. Year().Matches(masked).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];
    }

    /// <summary>Resolves <paramref name="count"/> columns from the header lines and the title/context text.</summary>
    /// <param name="release">The period the release reports, from its text: what a header printing only "Third Quarter"
    /// over years ("2006  2005") or "Q3 2006  YTD 2006" leaves out (the day the quarter ends, how long "YTD" runs).</param>
    public static List<StatementColumn>? Resolve(StatementKind kind, string title, IReadOnlyList<string> headers, int count, List<Diagnostic> diagnostics, int line, ReleasePeriod? release = null)
    {
        var header = string.Join("\n", headers);
        var headerDates = Dates.FindAll(header).OrderBy(d => d.Index).ToList();
        var titleDates = Dates.FindAll(title).OrderBy(d => d.Index).ToList();
        var durations = Durations(header, release?.Quarter);
        if (durations.Count == 0)
        {
            durations = Durations(title, release?.Quarter);
        }

        var pointInTime = kind == StatementKind.BalanceSheet || (durations.Count == 0 && AsOf().IsMatch(title + " " + header));
        if (pointInTime)
        {
            var ends = CompleteDates(headerDates, titleDates, Years(header));
            if (ends.Count != count)
            {
                ends = CompleteDates(titleDates, headerDates, Years(title));
            }

            if (ends.Count == count)
            {
                return [.. ends.Select(e => new StatementColumn(e, 0))];
            }

            diagnostics.Add(new Diagnostic(Severity.Warning, "columns", $"could not read {count} balance-sheet dates from the header \"{Flatten(header)}\"", line));
            return null;
        }

        if (FiscalQuarters(title, headers, count, release?.FiscalYearEndMonth) is { } quarters)
        {
            return quarters;
        }

        // Full dates printed per column (52/53-week years end on different days each year).
        var fullHeader = headerDates.Where(d => d.Year is not null).ToList();
        var years = Years(header);
        var fromTitleYears = false;
        if (years.Count != count && fullHeader.Count != count)
        {
            var ty = Years(title);
            if (durations.Count > 0 && ty.Count > 0 && count % ty.Count == 0)
            {
                years = [.. Enumerable.Range(0, count / ty.Count).SelectMany(_ => ty)];
                fromTitleYears = true;
            }
        }

        var monthDay = headerDates.FirstOrDefault(d => true) is { Month: > 0 } hd ? hd : titleDates.FirstOrDefault();
        if (monthDay.Month == 0 && release?.End is DateOnly end && durations.Count > 0 && years.Contains(end.Year))
        {
            monthDay = new Dates.PartialDate(end.Month, end.Day, null, 0, 0);
            diagnostics.Add(new Diagnostic(Severity.Info, "columns", $"the header \"{Flatten(header)}\" prints no day; its periods are taken to end on {end:MMMM d}, as the release's quarter does", line));
        }

        List<DateOnly> endDates;
        if (fullHeader.Count == count && !fromTitleYears && years.Count != count)
        {
            endDates = [.. fullHeader.Select(d => d.ToDate()!.Value)];
        }
        else if (years.Count == count && monthDay.Month > 0)
        {
            // Stacked headers print each column's day above its year ("July 3," over "2004", "June 28," over "2003").
            var perColumn = headers.Select(h => Dates.FindAll(h).Where(d => d.Year is null && d.Day > 0).OrderBy(d => d.Index).ToList()).FirstOrDefault(l => l.Count == count) ?? [];
            endDates = perColumn.Count == count && perColumn.Zip(years).All(p => Dates.Make(p.Second, p.First.Month, p.First.Day) is not null)
                ? [.. perColumn.Zip(years).Select(p => Dates.Make(p.Second, p.First.Month, p.First.Day)!.Value)]
                : [.. years.Select(y => Dates.Make(y, monthDay.Month, monthDay.Day)!.Value)];
            if (fullHeader.Count == count)
            {
                endDates = [.. fullHeader.Select(d => d.ToDate()!.Value)];
            }
        }
        else if (Spread(fullHeader, years, monthDay, count, headers) is { } spread)
        {
            endDates = spread;
        }
        else
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "columns", $"could not read {count} period end dates from the header \"{Flatten(header)}\"", line));
            return null;
        }

        if (durations.Count == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "columns", "the header states no period length; three months assumed", line));
            durations = [3];
        }

        var months = new int[count];
        if (durations.Count == count)
        {
            months = [.. durations];
        }
        else if (count % durations.Count == 0)
        {
            var span = count / durations.Count;
            for (var i = 0; i < count; i++)
            {
                months[i] = durations[i / span];
            }
        }
        else if (durations.Distinct().Count() == 1)
        {
            Array.Fill(months, durations[0]);
        }
        else
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "columns", $"{durations.Count} period lengths for {count} columns in \"{Flatten(header)}\"", line));
            return null;
        }

        var columns = endDates.Select((e, i) => new StatementColumn(e, months[i])).ToList();
        return StatementColumn.AreDistinctPeriods(columns) ? columns : Labelled(columns, headers);
    }

    [GeneratedRegex(@"^(?:Q(?<q>[1-4])|(?<fy>total|full year|fy|year))$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterCell();

    [GeneratedRegex(@"\btrailing\s+(?:four|4|twelve|12)[- ](?:quarters?|months?)|\b(?:TTM|LTM)\b|\blast twelve months\b", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();

    /// <summary>
    /// A quarterly trend table: "Fiscal 2021   Fiscal 2022" over "Q1  Q2  Q3  Q4  TOTAL" for each year. Each quarter
    /// ends where the fiscal year end month puts it, or in a calendar year when the groups do not say "fiscal" ("2021");
    /// "TOTAL" is the whole year. A table of trailing four-quarter sums has twelve-month columns.
    /// </summary>
    private static List<StatementColumn>? FiscalQuarters(string title, IReadOnlyList<string> headers, int count, int? fiscalYearEnd)
    {
        if (headers.Count < 2)
        {
            return null;
        }

        var cells = PrintedLine.SplitCells(headers[^1]);
        var matches = cells.Select(c => QuarterCell().Match(c)).ToList();
        if (cells.Count != count || !matches.All(m => m.Success) || !matches.Any(m => m.Groups["q"].Success))
        {
            return null;
        }

        var groups = PrintedLine.SplitCells(headers[^2]);
        var years = groups.Select(g => Years(g) is [var y] ? y : (int?)null).ToList();
        var fiscal = groups.Any(g => g.Contains("fiscal", StringComparison.OrdinalIgnoreCase) || g.StartsWith("FY", StringComparison.OrdinalIgnoreCase));
        if (years.Count == 0 || years.Any(y => y is null) || (fiscal && fiscalYearEnd is null))
        {
            return null;
        }

        var yearEnd = fiscal ? fiscalYearEnd!.Value : 12;
        var trailing = Trailing().IsMatch(title);
        var columns = new List<StatementColumn>();
        var group = 0;
        var last = 0;
        foreach (var m in matches)
        {
            var q = m.Groups["q"].Success ? m.Groups["q"].Value[0] - '0' : 4;
            if (columns.Count > 0 && (q < last || (q == last && !m.Groups["fy"].Success)))
            {
                group++;
            }

            if (group >= years.Count)
            {
                return null;
            }

            columns.Add(new StatementColumn(FiscalCalendar.QuarterEnd(years[group]!.Value, q, yearEnd), m.Groups["fy"].Success || trailing ? 12 : 3));
            last = m.Groups["fy"].Success ? 5 : q;
        }

        return group == years.Count - 1 && StatementColumn.AreDistinctPeriods(columns) ? columns : null;
    }

    /// <summary>
    /// Fewer periods than columns, where the last header line names each column ("2022 GAAP", "Adj.", "2022 Non-GAAP",
    /// or "GAAP", "Adjustments", "Non-GAAP" under one quarter): a column takes the year its name prints, else the
    /// year of the named column on its left; with no year in the names, each period spreads over an equal run.
    /// </summary>
    private static List<DateOnly>? Spread(List<Dates.PartialDate> fullHeader, List<int> years, Dates.PartialDate monthDay, int count, IReadOnlyList<string> headers)
    {
        var names = headers.Count > 0 ? PrintedLine.SplitCells(headers[^1]) : [];
        if (names.Count != count)
        {
            return null;
        }

        var own = names.Select(n => Years(n) is [var y] ? y : (int?)null).ToList();
        if (own.Any(y => y is not null))
        {
            var left = own.First(y => y is not null)!.Value;
            var ends = own.Select(y => monthDay.Month > 0 ? Dates.Make(left = y ?? left, monthDay.Month, monthDay.Day) : null).ToList();
            return ends.All(e => e is not null) ? [.. ends.Select(e => e!.Value)] : null;
        }

        List<DateOnly> periods = fullHeader.Count > 0
            ? [.. fullHeader.Select(d => d.ToDate()).OfType<DateOnly>()]
            : monthDay.Month > 0 ? [.. years.Select(y => Dates.Make(y, monthDay.Month, monthDay.Day)).OfType<DateOnly>()] : [];
        if (periods.Count == 0 || periods.Count >= count || count % periods.Count != 0)
        {
            return null;
        }

        var run = count / periods.Count;
        return [.. Enumerable.Range(0, count).Select(i => periods[i / run])];
    }

    /// <summary>
    /// Columns that are not distinct periods ("GAAP", "Adj.", "Non-GAAP" under each period) keep the last header
    /// line's cell text as their label, so that they are told apart.
    /// </summary>
    private static List<StatementColumn> Labelled(List<StatementColumn> columns, IReadOnlyList<string> headers)
    {
        var cells = headers.Count > 0 ? PrintedLine.SplitCells(headers[^1]) : [];
        return cells.Count == columns.Count ? [.. columns.Select((c, i) => c with { Label = cells[i] })] : columns;
    }

    /// <summary>Dates from <paramref name="primary"/>, each missing year taken from a same-day date in <paramref name="secondary"/> or the bare years.</summary>
    private static List<DateOnly> CompleteDates(List<Dates.PartialDate> primary, List<Dates.PartialDate> secondary, List<int> bareYears)
    {
        var result = new List<DateOnly>();
        var yearIdx = 0;
        foreach (var d in primary)
        {
            var year = d.Year ?? secondary.FirstOrDefault(s => s.Year is not null && s.Month == d.Month && s.Day == d.Day).Year
                ?? secondary.FirstOrDefault(s => s.Year is not null && s.Month == d.Month).Year;
            if (year is null && yearIdx < bareYears.Count)
            {
                year = bareYears[yearIdx++];
            }

            if (year is int y && Dates.Make(y, d.Month, d.Day) is DateOnly date)
            {
                result.Add(date);
            }
        }

        return result;
    }

    private static string Flatten(string s)
    {
        var flat = Whitespace.Collapse(s).Trim();
        return flat.Length <= 80 ? flat : flat[..79] + "…";
    }

    [GeneratedRegex(@"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")]
    private static partial Regex GroupedNumber();

    [GeneratedRegex(@"\bas of\b|\bat\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsOf();
}
