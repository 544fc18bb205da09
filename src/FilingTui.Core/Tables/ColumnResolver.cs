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
public static partial class ColumnResolver
{
    [GeneratedRegex(@"\b(?<n>three|six|nine|twelve|thirteen|fourteen|twenty[- ]six|twenty[- ]seven|thirty[- ]nine|forty|fifty[- ]two|fifty[- ]three|[0-9]{1,2})[- ](?<u>months?|weeks?|mos\.?)|\b(?<fy>fiscal year|year|twelve months|full year)s?\s+end(?:ed|ing)|\b(?<q>quarter)s?\s+end(?:ed|ing)", RegexOptions.IgnoreCase)]
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

    public static List<int> Durations(string text)
    {
        var list = new List<int>();
        var pair = DurationPair().Match(text);
        foreach (Match m in Duration().Matches(text))
        {
            if (pair.Success && m.Index >= pair.Index && m.Index < pair.Index + pair.Length)
            {
                list.Add(Months(pair.Groups["a"].Value, "months") ?? 3);
                list.Add(Months(pair.Groups["b"].Value, "months") ?? 3);
                continue;
            }

            int? months = m.Groups["fy"].Success ? 12 : m.Groups["q"].Success ? 3 : Months(m.Groups["n"].Value, m.Groups["u"].Value);
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
    public static List<StatementColumn>? Resolve(StatementKind kind, string title, IReadOnlyList<string> headers, int count, List<Diagnostic> diagnostics, int line)
    {
        var header = string.Join("\n", headers);
        var headerDates = Dates.FindAll(header).OrderBy(d => d.Index).ToList();
        var titleDates = Dates.FindAll(title).OrderBy(d => d.Index).ToList();
        var durations = Durations(header);
        if (durations.Count == 0)
        {
            durations = Durations(title);
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
