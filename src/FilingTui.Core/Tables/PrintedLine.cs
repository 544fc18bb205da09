using FilingTui.Core.Import;
using System.Text.RegularExpressions;

namespace FilingTui.Core.Tables;

public enum LineKind
{
    Blank,
    Title,
    Header,
    Row,
    ValuesOnly,
    LabelOnly,
    Prose,
    Junk,
}

/// <summary>One line of a table region split into a label and value cells.</summary>
public sealed partial class PrintedLine
{
    public required int Index { get; init; }
    public required int SourceLine { get; init; }
    public required string Text { get; init; }
    public LineKind Kind { get; set; }
    public string Label { get; set; } = "";
    public string? SectionPrefix { get; set; }

    /// <summary>Value groups: one per printed cell (tab or wide gap), in print order.</summary>
    public List<List<ValueToken>> Groups { get; } = [];

    public int ValueCount => Groups.Sum(g => g.Count);

    public IEnumerable<ValueToken> Values => Groups.SelectMany(g => g);

    public bool PrecededByBlank { get; set; }

    /// <summary>
    /// Where each value stands, in <see cref="Values"/> order: its tab-separated field on a line with tabs (an empty
    /// field is a blank cell), else the column just past its last character. Null when the values trail the label
    /// after single spaces, which says nothing of columns.
    /// </summary>
    public List<int>? Positions { get; private set; }

    /// <summary>Whether <see cref="Positions"/> count tab-separated fields rather than characters.</summary>
    public bool PositionsAreFields { get; private set; }

    /// <summary>The longest row label: the longest printed are a few lines of a footnoted caption.</summary>
    public const int MaxLabelLength = 500;

    [GeneratedRegex(@"\t| {2,}")]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"\b(?:months?|weeks?|quarters?|years?)\s+end(?:ed|ing)\b|\b(?:three|six|nine|twelve|thirteen|fourteen|twenty-six|thirty-nine|fifty-two|fifty-three|[0-9]{1,2})[\s-]+(?:months?|weeks?)\b|\(unaudited\)|\(audited\)|%\s*(?:change|increase|decrease|of)|\bas of\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderWords();

    /// <summary>Quarters named rather than measured ("Third Quarter", "Q3 2006", "YTD"): a header only where no amount stands beside them.</summary>
    [GeneratedRegex(@"\b(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter\b|\bQ[1-4]\b|\bYTD\b|\byear[- ]to[- ]date\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterWords();

    /// <summary>A header cell made only of period names and years: "Q3 2006", "YTD", "Third Quarter Ended,", "Fiscal 2022 Total".</summary>
    [GeneratedRegex(@"^(?:(?:Q[1-4]|YTD|year[- ]to[- ]date|(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter(?:\s+ended)?|quarter|fiscal|FY|total|full\s+year|(?:three|six|nine|twelve)\s+months(?:\s+ended)?|'?[0-9]{2}|(?:19|20)[0-9]{2})[,.]?\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodNameCell();

    [GeneratedRegex(@"\b(?:19|20)[0-9]{2}\b")]
    private static partial Regex YearInCell();

    [GeneratedRegex(@"^(?:0?[1-9]|[12][0-9]|3[01]),$")]
    private static partial Regex DayCell();

    [GeneratedRegex(@"^([A-Z][A-Za-z &,'/-]{2,40}):\s+(\S.*)$")]
    private static partial Regex SectionPrefixed();

    [GeneratedRegex(@"\s*(?:\([0-9]{1,2}\)*|\(\s*[a-z]\s*\)|\*+)\s*$")]
    private static partial Regex FootnoteMarker();

    public static PrintedLine Parse(int index, int sourceLine, string text)
    {
        var line = new PrintedLine { Index = index, SourceLine = sourceLine, Text = text };
        line.Classify();
        return line;
    }

    /// <summary>A line's printed cells: apart by a tab or a gap of two spaces or more, trimmed, empty ones left out.</summary>
    public static List<string> SplitCells(string text) => [.. CellSplit().Split(text.Trim()).Select(c => c.Trim()).Where(c => c.Length > 0)];

    /// <summary>The cells of <see cref="SplitCells"/>, each with where it starts and the tab-separated field it is in.</summary>
    private static List<(string Text, int Start, int Field)> LocatedCells(string text)
    {
        var cells = new List<(string, int, int)>();
        var field = 0;
        var from = 0;
        void Add(int end)
        {
            var piece = text[from..end];
            var trimmed = piece.Trim();
            if (trimmed.Length > 0)
            {
                cells.Add((trimmed, from + (piece.Length - piece.TrimStart().Length), field));
            }
        }

        foreach (var gap in CellSplit().EnumerateMatches(text))
        {
            Add(gap.Index);
            field += text[gap.Index] == '\t' ? 1 : 0;
            from = gap.Index + gap.Length;
        }

        Add(text.Length);
        return cells;
    }

    /// <summary>Where each of a cell's <paramref name="count"/> values stands: the cell's field, or the end of each token as the parse split them.</summary>
    private void Locate((string Text, int Start, int Field) cell, int count, List<int> positions)
    {
        if (PositionsAreFields)
        {
            positions.AddRange(Enumerable.Repeat(cell.Field, count));
            return;
        }

        var stripped = ValueTokens.StripNoise(cell.Text);
        var at = 0;
        foreach (var token in ValueTokens.SplitTokens(stripped))
        {
            at = stripped.IndexOf(token, at, StringComparison.Ordinal) + token.Length;
            if (!ValueTokens.CarriesNoValue(token))
            {
                positions.Add(cell.Start + at);
            }
        }
    }

    [GeneratedRegex(@"^(?<label>.*[\p{L})])\s+\$\s*(?<amounts>[-(0-9.].*)$")]
    private static partial Regex DollarTail();

    /// <summary>
    /// "Energy Marketing and Resource Mgmt $ 3,602    $ (16,893)": a label too long for its column runs into the first
    /// amount with a single space. Where more cells follow, the amounts after the "$" are a cell of their own.
    /// </summary>
    private static void SplitDollarTails(List<(string Text, int Start, int Field)> cells)
    {
        for (var i = cells.Count - 2; i >= 0; i--)
        {
            // Not "doubtful accounts of $100 and $90": an amount inside the label is its words' object, not a column.
            if (DollarTail().Match(cells[i].Text) is { Success: true } m && !m.Groups["label"].Value.Contains('$')
                && !StatementBuilder.NoSplitAfter.Contains(m.Groups["label"].Value.Split(' ')[^1].ToLowerInvariant())
                && ValueTokens.ParseCell(m.Groups["amounts"].Value) is { Count: > 0 })
            {
                var (_, start, field) = cells[i];
                cells[i] = (m.Groups["label"].Value, start, field);
                cells.Insert(i + 1, (m.Groups["amounts"].Value, start + m.Groups["amounts"].Index, field));
            }
        }
    }

    private static readonly char[] LabelNoise = ['$', 'Ψ', '•', ' ', '.', '…'];

    public static string CleanLabel(string label)
    {
        var l = Whitespace.Collapse(label).Trim().Trim(LabelNoise);
        while (FootnoteMarker().IsMatch(l) && l.Length > 4)
        {
            l = FootnoteMarker().Replace(l, "").Trim();
        }

        return l;
    }

    private void Classify()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            Kind = LineKind.Blank;
            return;
        }

        var cells = LocatedCells(Text);
        SplitDollarTails(cells);
        PositionsAreFields = Text.Contains('\t');
        var positions = new List<int>();
        var labelCells = new List<string>();
        var i = 0;

        // The label is the leading cells that hold words; a cell of pure noise ("$") between them is skipped.
        for (; i < cells.Count; i++)
        {
            var parsed = ValueTokens.ParseCell(cells[i].Text);
            if (parsed is null)
            {
                if (labelCells.Count > 0 && Groups.Count > 0)
                {
                    break;
                }

                labelCells.Add(cells[i].Text);
            }
            else if (parsed.Count > 0)
            {
                break;
            }
        }

        var valuesOk = true;
        for (; i < cells.Count; i++)
        {
            var parsed = ValueTokens.ParseCell(cells[i].Text);
            if (parsed is null)
            {
                valuesOk = false;
                break;
            }

            if (parsed.Count > 0)
            {
                Groups.Add(parsed);
                Locate(cells[i], parsed.Count, positions);
            }
        }

        Positions = valuesOk && Groups.Count > 0 ? positions : null;

        var label = string.Join(" ", labelCells);
        if (!valuesOk)
        {
            Groups.Clear();
            label = Text.Trim();
        }

        // Without a tab or wide gap, the values trail the label after single spaces: split them off.
        if (Groups.Count == 0 && label.Length > 0)
        {
            var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var k = words.Length;
            var trailing = new List<ValueToken>();
            while (k > 0)
            {
                var p = ValueTokens.ParseCell(words[k - 1]);
                if (p is null)
                {
                    break;
                }

                // Gathered last to first and turned round once: inserting at the front is quadratic on a long line.
                for (var j = p.Count - 1; j >= 0; j--)
                {
                    trailing.Add(p[j]);
                }

                k--;
            }

            trailing.Reverse();

            // A lone "(1)" after a label is a footnote marker, not a value; a lone "-" after it is a hyphen that goes
            // on with the next line ("Arrowhead Pharmaceuticals, Inc. -" over "Diluted  $ (1.39)").
            if (trailing.Count > 0 && k > 0 && !(trailing.Count == 1 && trailing[0].Raw.StartsWith('(') && Math.Abs(trailing[0].Value) < 10 && !trailing[0].Raw.Contains('.'))
                && !(trailing.Count == 1 && trailing[0].IsDash && trailing[0].Raw.Length == 1))
            {
                Groups.Add(trailing);
                label = string.Join(" ", words[..k]);
            }
            else if (k == 0)
            {
                Groups.Add(trailing);
                label = "";
            }
        }

        // "28,     28,     30,": the days of a header stacked as month over day over year.
        if (cells.Count > 0 && cells.All(c => DayCell().IsMatch(c.Text)))
        {
            Groups.Clear();
            Kind = LineKind.Header;
            Label = "";
            return;
        }

        label = CleanLabel(label);
        var hasLetters = label.Any(char.IsLetter);
        if (!hasLetters)
        {
            label = "";
        }

        // A date in a long label is a sentence, unless the label is many short cells: a wide table's dates row.
        var datedLabel = FilingTui.Core.Import.Dates.MonthDayYear().IsMatch(label) && (label.Length < 120 || labelCells.Count > 3 && labelCells.All(c => c.Length < 40));
        // "Fiscal 2021   Fiscal 2022" over the quarters of each: every cell names one year and little else.
        var yearGroups = labelCells.Count >= 2 && cells.Count == labelCells.Count && labelCells.All(c => c.Split(' ').Length <= 3 && YearInCell().Count(c) == 1);
        var namedQuarters = Values.All(v => v.LooksLikeYear) && QuarterWords().IsMatch(Text) && labelCells.All(c => PeriodNameCell().IsMatch(c));
        if (yearGroups || namedQuarters || HeaderWords().IsMatch(Text) || (datedLabel && Values.All(v => v.LooksLikeYear || v.IsDash)) || (Groups.Count > 0 && Values.All(v => v.LooksLikeYear || v.IsDash) && Values.Any(v => v.LooksLikeYear) && (label.Length == 0 || Dates(label))))
        {
            Kind = LineKind.Header;
            Label = label;
            return;
        }

        if (label.Length == 0)
        {
            Kind = Groups.Count == 0 ? LineKind.Junk : IsOcrJunk() ? LineKind.Junk : LineKind.ValuesOnly;
            return;
        }

        Label = label;
        if (Groups.Count == 0)
        {
            var words = label.Split(' ').Length;
            Kind = (label.Length <= 90 && !label.EndsWith('.')) || (label.EndsWith(':') && words <= 6) ? LineKind.LabelOnly : LineKind.Prose;
            return;
        }

        // No statement labels a row with a paragraph: a line of words this long beside its numbers is prose, and
        // read as a label it would feed every label pattern a page of text (seconds on a long line).
        if (label.Length > MaxLabelLength)
        {
            Kind = LineKind.Prose;
            return;
        }

        if (SectionPrefixed().Match(label) is { Success: true } sm)
        {
            SectionPrefix = sm.Groups[1].Value.Trim();
            Label = sm.Groups[2].Value.Trim();
        }

        Kind = LineKind.Row;
    }

    /// <summary>
    /// Leaves out the "(1)" footnote markers printed beside a row's values when the row holds more values than the
    /// table has columns and the markers are the surplus: without them the row fits. A row that fits as printed keeps
    /// its "(1)", a value of minus one.
    /// </summary>
    public bool DropFootnoteMarkers(int columns)
    {
        var markers = Values.Count(ValueTokens.MayBeFootnote);
        if (ValueCount <= columns || markers == 0 || ValueCount - markers > columns || ValueCount - markers == 0)
        {
            return false;
        }

        var at = 0;
        var kept = new List<int>();
        foreach (var group in Groups)
        {
            for (var v = 0; v < group.Count; v++, at++)
            {
                if (!ValueTokens.MayBeFootnote(group[v]))
                {
                    kept.Add(at);
                }
            }

            group.RemoveAll(ValueTokens.MayBeFootnote);
        }

        Groups.RemoveAll(g => g.Count == 0);
        if (Positions is not null)
        {
            Positions = [.. kept.Select(k => Positions[k])];
        }

        return true;
    }

    private static bool Dates(string label) =>
        FilingTui.Core.Import.Dates.MonthDayYear().IsMatch(label) || label.Split(' ').Length <= 2;

    /// <summary>"1100210": digits with no grouping and no label, the residue of a scanned rule or page mark.</summary>
    private bool IsOcrJunk() => Values.All(v => !v.HasGrouping && !v.IsDash && Math.Abs(v.Value) >= 10000 && !v.Raw.Contains('.'));
}
