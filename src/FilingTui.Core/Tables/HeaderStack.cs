using System.Globalization;
using System.Text.RegularExpressions;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// A fixed-width header stacked over several lines ("Three Months Ended" over "December" over "28," over "2024"),
/// read column by column: each header cell goes to the columns it stands over, as the body's values place them, so
/// that each column gets its own text ("Three Months Ended December 28, 2024") and is read on its own. A spanning
/// cell ("Three Months Ended" over three columns) goes to each of them; a cell in the label stub to none.
/// </summary>
public static partial class HeaderStack
{
    /// <summary>Where each column's values stand, in characters: from the leftmost start to the usual end.</summary>
    public static List<(int Start, int End)>? ColumnSpans(IEnumerable<PrintedLine> rows, int n)
    {
        var full = rows.Where(r => r.ValueCount == n && r.Positions is not null && !r.PositionsAreFields).ToList();
        if (full.Count < 2 || n == 0)
        {
            return null;
        }

        var spans = new List<(int, int)>();
        for (var c = 0; c < n; c++)
        {
            var ends = full.Select(r => (End: r.Positions![c], Raw: r.Values.ElementAt(c).Raw)).ToList();
            var median = ends.Select(e => e.End).Order().ElementAt(ends.Count / 2);
            var agreeing = ends.Where(e => Math.Abs(e.End - median) <= 1).ToList();
            if (agreeing.Count * 2 <= ends.Count || (c > 0 && median <= spans[^1].Item2))
            {
                return null;
            }

            spans.Add((agreeing.Min(e => e.End - e.Raw.Length), median));
        }

        return spans;
    }

    [GeneratedRegex(@"\t| {2,}")]
    private static partial Regex CellGap();

    /// <summary>
    /// The header text over each column, top line first, or null when no header line has a cell over the columns.
    /// A cell goes to a column when it is nearer that column than any other cell of its line and lies within half the
    /// column's pitch of it.
    /// </summary>
    public static string[]? PerColumn(IReadOnlyList<string> headers, IReadOnlyList<(int Start, int End)> spans)
    {
        var n = spans.Count;
        if (n == 0 || headers.Count == 0 || headers.Any(h => h.Contains('\t')))
        {
            return null;
        }

        var texts = Enumerable.Range(0, n).Select(_ => new List<string>()).ToArray();
        var pitch = Enumerable.Range(0, n).Select(c => Math.Min(c > 0 ? spans[c].End - spans[c - 1].End : int.MaxValue, c < n - 1 ? spans[c + 1].End - spans[c].End : int.MaxValue)).ToArray();
        if (n == 1)
        {
            pitch[0] = spans[0].End - spans[0].Start + 8;
        }

        var stubEnd = spans[0].Start - (pitch[0] / 2);
        var any = false;
        foreach (var header in headers)
        {
            var cells = Cells(header).Where(cell => cell.Start >= stubEnd).ToList();
            for (var c = 0; c < n; c++)
            {
                var best = cells.Select(cell => (cell.Text, Gap: Gap(cell, spans[c]), Centre: Math.Abs(cell.Start + cell.End - spans[c].Start - spans[c].End)))
                    .OrderBy(x => x.Gap).ThenBy(x => x.Centre).FirstOrDefault();
                if (best.Text is not null && best.Gap * 2 <= pitch[c])
                {
                    texts[c].Add(best.Text);
                    any = true;
                }
            }
        }

        return any ? [.. texts.Select(t => string.Join(" ", t))] : null;
    }

    private static int Gap((string Text, int Start, int End) cell, (int Start, int End) span) =>
        cell.End <= span.Start ? span.Start - cell.End : cell.Start >= span.End ? cell.Start - span.End : 0;

    private static List<(string Text, int Start, int End)> Cells(string line)
    {
        var cells = new List<(string, int, int)>();
        var from = 0;
        foreach (var gap in CellGap().EnumerateMatches(line))
        {
            Add(gap.Index);
            from = gap.Index + gap.Length;
        }

        Add(line.Length);
        return cells;

        void Add(int end)
        {
            var piece = line[from..end];
            var text = piece.Trim();
            if (text.Length > 0 && !text.All(ch => ch is '-' or '=' or '_' or '—' or '–'))
            {
                var start = from + (piece.Length - piece.TrimStart().Length);
                cells.Add((text, start, start + text.Length));
            }
        }
    }

    [GeneratedRegex(@"(?<![0-9/])(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12][0-9]|0?[1-9])/(?<y>(?:19|20)?[0-9]{2})(?![0-9/])")]
    private static partial Regex NumericDate();

    /// <summary>
    /// Each column's period from its own header text: its one date ("December 28, 2024", "12/31/24", or a year under a
    /// month and day the title or the release gives) and its one length ("Three Months Ended", "Year Ended"; none for a
    /// balance sheet's instants). Null unless every column reads so and the periods are distinct.
    /// </summary>
    /// <param name="dayFromRelease">Set when a column's day came from the release's quarter end, which the header does not print.</param>
    public static List<StatementColumn>? Columns(StatementKind kind, string title, string[] texts, ReleasePeriod? release, out bool dayFromRelease)
    {
        dayFromRelease = false;
        var instants = StatementKinds.Of(kind).Instants;
        var titleDurations = ColumnResolver.Durations(title, release?.Quarter).Distinct().ToList();
        var titleDays = Dates.FindAll(title).Select(d => (d.Month, d.Day)).Distinct().ToList();
        var columns = new List<StatementColumn>();
        foreach (var text in texts)
        {
            var end = EndOf(text, titleDays, release, ref dayFromRelease);
            if (end is null)
            {
                return null;
            }

            var months = 0;
            if (!instants)
            {
                var durations = ColumnResolver.Durations(text, release?.Quarter);
                if (durations.Count > 1 || (durations.Count == 0 && titleDurations.Count != 1))
                {
                    return null;
                }

                months = durations.Count == 1 ? durations[0] : titleDurations[0];
            }

            columns.Add(new StatementColumn(end.Value, months));
        }

        return StatementColumn.AreDistinctPeriods(columns) ? columns : null;
    }

    private static DateOnly? EndOf(string text, List<(int Month, int Day)> titleDays, ReleasePeriod? release, ref bool dayFromRelease)
    {
        var found = Dates.FindAll(text).ToList();
        var full = found.Select(d => d.ToDate()).OfType<DateOnly>().Distinct().ToList();
        if (full.Count == 1)
        {
            return full[0];
        }

        if (full.Count > 1)
        {
            return null;
        }

        var numeric = NumericDate().Matches(text);
        if (numeric.Count == 1)
        {
            var m = numeric[0];
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            return Dates.Make(y < 100 ? 2000 + y : y, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        if (ColumnResolver.Years(text) is not [var year])
        {
            return null;
        }

        // A year alone: its day from the column's own words, else the title's one day, else the release's quarter end.
        var days = found.Select(d => (d.Month, d.Day)).Distinct().ToList();
        if (days.Count == 1)
        {
            return Dates.Make(year, days[0].Month, days[0].Day);
        }

        if (days.Count == 0 && titleDays.Count == 1)
        {
            return Dates.Make(year, titleDays[0].Month, titleDays[0].Day);
        }

        if (days.Count == 0 && titleDays.Count == 0 && release?.End is DateOnly e)
        {
            dayFromRelease = true;
            return Dates.Make(year, e.Month, e.Day);
        }

        return null;
    }
}
