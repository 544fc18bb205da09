using System.Text.RegularExpressions;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// Finds the statement tables of a release: a region that starts at the first statement title or units line;
/// within it, each title (or a prose line followed by a header and rows, such as a footnote's table) opens a table.
/// </summary>
public static partial class TableExtractor
{
    [GeneratedRegex(@"\bnon[- ]?GAAP\b|\badjusted\b|\bpro\s+forma\b|\bsupplement(?:al|ary)\b|\breconciliation\b|\bsegments?\b|\bas\s+adjusted\b", RegexOptions.IgnoreCase)]
    private static partial Regex NonGaap();

    /// <summary>"(1) Includes stock-based compensation expense as follows:": a footnote, which ends the table above it.</summary>
    [GeneratedRegex(@"^\s*(?:\([0-9]{1,2}\)|\([a-z]\)|\*{1,3}|\[[0-9]{1,2}\])\s*\S+(?:\s+\S+){3,}")]
    private static partial Regex FootnoteLead();

    [GeneratedRegex(@"^\s*(?:for\s+the\b|as\s+of\b|as\s+at\b|periods?\s+ended\b|\(unaudited\)|\(in\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContextLine();

    public static StatementKind? TitleKind(string text)
    {
        if (text.Length > 300)
        {
            return null;
        }

        // The kinds' own title words (StatementKinds); "Statements of Comprehensive Income" names no kind by itself.
        if (StatementKinds.FromTitleWords(text) is not (var kind, var words) || !IsTitleCased(words) || text.TrimEnd().EndsWith('.'))
        {
            return null;
        }

        // "Non-GAAP ... Statements of Operations", "Reconciliation of ..." and segment tables are kept apart from the GAAP statements.
        return NamesSupplement(text) ? StatementKind.Supplemental : kind;
    }

    /// <summary>A title or caption that keeps its table apart from the GAAP statements, whatever its rows look like.</summary>
    public static bool NamesSupplement(string text) => NonGaap().IsMatch(text);

    private static bool IsTitleCased(string s) =>
        s.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).All(w => char.IsUpper(w[0]));

    public static List<RawTable> Find(List<TextLine> lines, int from, out int regionStart)
    {
        var tables = new List<RawTable>();
        regionStart = -1;
        RawTable? current = null;
        RawTable? closed = null;
        var units = Units.None;
        var unitsStated = false;
        PrintedLine? lastProse = null;
        PrintedLine? lastHeading = null;
        var blank = false;

        // What names a table without a statement title: the nearer of the last heading ("RECONCILIATION OF GAAP TO
        // NON-GAAP MEASURES") and the last prose line, but not a footnote of the page above when a heading is there.
        PrintedLine? Caption()
        {
            if (lastHeading is null || lastProse is null)
            {
                return lastHeading ?? lastProse;
            }

            return lastHeading.Index > lastProse.Index || FootnoteLead().IsMatch(lastProse.Text) ? lastHeading : lastProse;
        }

        void Close()
        {
            if (current is not null && current.HasRows)
            {
                current.TrimTail();
                tables.Add(current);
                closed = current;
            }

            current = null;
        }

        RawTable Open(int i, string title, StatementKind kind, bool statementTitle)
        {
            Close();
            var t = new RawTable { StartIndex = i, SourceLine = lines[i].Number, Title = title.Trim(), Kind = kind, HasStatementTitle = statementTitle, Units = units, UnitsStated = unitsStated };
            if (Units.Parse(title) is Units u)
            {
                t.Units = u;
                t.UnitsStated = true;
            }

            lastHeading = null;
            return t;
        }

        for (var i = from; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (string.IsNullOrWhiteSpace(text))
            {
                blank = true;
                continue;
            }

            var wasBlank = blank;
            blank = false;
            if (TitleKind(text) is StatementKind kind)
            {
                if (regionStart < 0)
                {
                    regionStart = i;
                }

                current = Open(i, text, kind, true);
                lastProse = null;
                continue;
            }

            if (Units.IsUnitsLine(text) && !text.Contains('\t') && text.Length < 200)
            {
                if (regionStart < 0)
                {
                    regionStart = i;
                    lastHeading = HeadingAbove(lines, i);
                }

                units = Units.Parse(text)!;
                unitsStated = true;
                if (current is not null && !current.HasRows)
                {
                    current.Units = units;
                    current.UnitsStated = true;
                    current.Context.Add(text);

                    // "(In millions)    2024    2023": the units stand in the stub of a header line.
                    if (PrintedLine.Parse(i, lines[i].Number, text) is { Kind: LineKind.Header } header && header.ValueCount > 0)
                    {
                        current.Headers.Add(header);
                    }
                }

                continue;
            }

            if (regionStart < 0)
            {
                continue;
            }

            var pl = PrintedLine.Parse(i, lines[i].Number, text);
            pl.PrecededByBlank = wasBlank;
            if (pl.Kind is LineKind.LabelOnly && FootnoteLead().IsMatch(text))
            {
                pl.Kind = LineKind.Prose;
            }

            if (pl.Kind == LineKind.Header)
            {
                if (ContextLine().IsMatch(text))
                {
                    if (current is not null && !current.HasRows)
                    {
                        current.Context.Add(text);
                        continue;
                    }

                    pl.Kind = LineKind.Prose;
                }
                else if (text.Length > 100 && IsSentence(text))
                {
                    pl.Kind = LineKind.Prose;
                }
            }

            if (pl.Kind == LineKind.LabelOnly && current is { HasRows: false, Headers.Count: > 0 } && NamesColumns(text))
            {
                pl.Kind = LineKind.Header;
            }

            // "...amortization of $360,061 at" over "December 31, 2024" over "and December 31,": a date inside a label
            // that wraps is the label going on, not a header, when it is one cell with no values under the rows.
            if (pl.Kind == LineKind.Header && pl.ValueCount == 0 && current is { HasRows: true } && current.Body.Count > 0 && current.Body[^1] is { Kind: LineKind.LabelOnly } wrapped
                && PrintedLine.SplitCells(text).Count == 1 && pl.Label.Length > 0 && WrapsInto(wrapped, pl))
            {
                pl.Kind = LineKind.LabelOnly;
            }

            switch (pl.Kind)
            {
                case LineKind.Header:
                    // A heading between two headers before any row starts another table: the first header was a
                    // stray line ("Free Cash Flow as a % of Net Income") under the table above.
                    if (current is { HasRows: false, Headers.Count: > 0 } && current.Body.LastOrDefault(IsHeading) is { } between && between.Index > current.Headers[^1].Index)
                    {
                        lastHeading = between;
                        current = null;
                    }

                    if (current is null || current.HasRows)
                    {
                        // A heading left under the last table's rows names this one.
                        if (TrailingHeading(current) is { } trailing && (lastHeading is null || trailing.Index > lastHeading.Index))
                        {
                            lastHeading = trailing;
                        }

                        var caption = Caption();
                        var title = caption?.Text ?? current?.Title ?? "";
                        var k = current?.Kind ?? StatementKind.Supplemental;
                        if (caption is not null)
                        {
                            k = StatementKind.Supplemental;
                        }

                        current = Open(caption?.Index ?? i, title, k, false);
                        if (caption is not null && Units.Parse(caption.Text) is null)
                        {
                            current.Context.Add(caption.Text);
                        }
                    }

                    current.Headers.Add(pl);
                    break;
                case LineKind.Row or LineKind.ValuesOnly or LineKind.LabelOnly:
                    if (current is null)
                    {
                        if (pl.Kind != LineKind.Row)
                        {
                            if (IsHeading(pl))
                            {
                                lastHeading = pl;
                            }

                            break;
                        }

                        var caption = Caption();
                        current = Open(caption?.Index ?? i, caption?.Text ?? "", StatementKind.Supplemental, false);

                        // A footnote's table printed under a statement ("(1) Includes ... as follows:") shares its columns.
                        if (closed is not null && caption is not null && caption == lastProse && FootnoteLead().IsMatch(caption.Text) && caption.Index - closed.EndIndex <= 3)
                        {
                            current.Headers.AddRange(closed.Headers);
                            current.Context.AddRange(closed.Context);
                            current.Units = closed.Units;
                            current.UnitsStated = closed.UnitsStated;
                        }
                    }

                    // A label may wrap over several lines: each joins while it runs on into the next.
                    var below = pl;
                    while (pl.Kind == LineKind.Row && current.Body.Count > 0 && current.Body[^1] is { Kind: LineKind.LabelOnly } above && (WrapsInto(above, below, pl.Label) || HangsUnder(current.Body, below)))
                    {
                        pl.Label = above.Label + " " + pl.Label;
                        below = above;
                        current.Body.RemoveAt(current.Body.Count - 1);
                    }

                    current.Body.Add(pl);
                    break;
                case LineKind.Junk:
                    current?.Body.Add(pl);
                    break;
                case LineKind.Prose:
                    if (current is not null && current.HasRows)
                    {
                        Close();
                    }

                    lastProse = pl;
                    break;
            }
        }

        Close();
        return tables;
    }

    /// <summary>
    /// A label too long for its column, printed over two lines or more with the values on the last: "Accounts payable
    /// and accrued" over "liabilities  4,000  3,600". Each line follows the one above at once (<paramref name="below"/>
    /// is where the lines already joined begin, <paramref name="label"/> their words) and starts in lower case (or with
    /// "(thousands)"), or the line above stops on a word that cannot end a label, or the line hangs one space in from
    /// the one above, as wire copies indent a label's second line ("Net loss per share" over " attributable to").
    /// A heading over its items ("Revenues" over "  Product") does none of these.
    /// </summary>
    internal static bool WrapsInto(PrintedLine above, PrintedLine below, string? label = null)
    {
        label ??= below.Label;
        if (below.Index != above.Index + 1 || above.Label.EndsWith(':') || below.SectionPrefix is not null || label.Length == 0)
        {
            return false;
        }

        var last = above.Label.Split(' ')[^1];
        var hangs = Indent(above) is int a && Indent(below) == a + 1;
        // "- Diluted:" under "Ordinary Share": a dash that goes on with the words above.
        return char.IsLower(label[0]) || (label.Length > 2 && label[0] is '-' or '–' or '—' && label[1] == ' ') || (label.Length > 1 && label[0] == '(' && char.IsLower(label[1]))
            || above.Label.EndsWith(',') || above.Label.EndsWith('-') || StatementBuilder.NoSplitAfter.Contains(last.ToLowerInvariant()) || hangs;
    }

    /// <summary>
    /// Whether the label-only lines that end <paramref name="body"/> and stand as far in as <paramref name="below"/>
    /// are, with it, the hanging lines of a label begun one space further out: "Net loss per share" over " attributable
    /// to Arrowhead" over " Pharmaceuticals, Inc. -" over " Diluted  $ (1.39)".
    /// </summary>
    private static bool HangsUnder(List<PrintedLine> body, PrintedLine below)
    {
        if (Indent(below) is not int indent)
        {
            return false;
        }

        var next = below;
        for (var k = body.Count - 1; k >= 0 && body[k] is { Kind: LineKind.LabelOnly } line && line.Index == next.Index - 1 && !line.Label.EndsWith(':'); k--)
        {
            if (Indent(line) == indent - 1)
            {
                return true;
            }

            if (Indent(line) != indent)
            {
                return false;
            }

            next = line;
        }

        return false;
    }

    /// <summary>How far a line of spaces (not tabs) stands in from the margin.</summary>
    private static int? Indent(PrintedLine line) => line.Text.Contains('\t') ? null : line.Text.Length - line.Text.TrimStart(' ').Length;

    /// <summary>The last heading among the lines that follow a table's last row.</summary>
    private static PrintedLine? TrailingHeading(RawTable? table)
    {
        if (table is null)
        {
            return null;
        }

        var lastRow = table.Body.FindLastIndex(b => b.Kind != LineKind.LabelOnly);
        return table.Body.Skip(lastRow + 1).LastOrDefault(IsHeading);
    }

    /// <summary>A line of words alone that can name a table; one ending in ":" opens a section of the table instead.</summary>
    private static bool IsHeading(PrintedLine pl) => pl.Kind == LineKind.LabelOnly && !pl.Label.EndsWith(':');

    /// <summary>The heading just above the units line that starts the statements, which the scan has not read yet.</summary>
    private static PrintedLine? HeadingAbove(List<TextLine> lines, int i)
    {
        for (var j = i - 1; j >= 0 && i - j <= 3; j--)
        {
            if (!string.IsNullOrWhiteSpace(lines[j].Text))
            {
                var pl = PrintedLine.Parse(j, lines[j].Number, lines[j].Text);
                return IsHeading(pl) ? pl : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Column names under a header's dates ("GAAP   Adjustments   Non-GAAP"): several short cells right of an empty
    /// stub, where a section label ("Revenues:") starts at the margin.
    /// </summary>
    private static bool NamesColumns(string text)
    {
        var cells = PrintedLine.SplitCells(text);
        return (text.StartsWith('\t') || text.StartsWith("  ", StringComparison.Ordinal)) && cells.Count >= 2
            && cells.All(c => c.Length <= 30 && !c.EndsWith(':') && c.Split(' ').Length <= 4);
    }

    /// <summary>
    /// Header words in a sentence ("for the three months ended ... were") rather than in a header row: many words
    /// in one cell. A wide table's header has many words too, but in many cells of a few words each.
    /// </summary>
    private static bool IsSentence(string text)
    {
        var cells = PrintedLine.SplitCells(text);
        var words = cells.Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        return words.Max() > 14 || (words.Sum() > 14 && cells.Count < 3);
    }
}
