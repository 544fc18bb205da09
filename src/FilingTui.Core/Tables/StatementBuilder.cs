using FilingTui.Core.Import;
using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// A raw table to a statement: column periods, one row per printed line item (merged lines split, bottom-up tables
/// put back in order, a total re-joined with a label printed elsewhere), each reading chosen by the checks.
/// </summary>
public static partial class StatementBuilder
{
    /// <summary>One printed line and the ways it can be read as rows.</summary>
    private sealed class Unit
    {
        public required PrintedLine Line { get; init; }
        public List<List<StatementRow>> Readings { get; } = [];
        public int Chosen { get; set; }
        public string? Marker { get; init; }
        public bool Unlabeled { get; init; }
        public bool Dropped { get; set; }

        public IEnumerable<StatementRow> Rows => Dropped || Readings.Count == 0 ? [] : Readings[Chosen];
    }

    [GeneratedRegex(@"^total\b", RegexOptions.IgnoreCase)]
    internal static partial Regex TotalWord();

    internal static readonly HashSet<string> NoSplitAfter = ["and", "of", "the", "for", "in", "&", "to", "on", "from", "by", "with", "or", "a", "an", "at", "per"];

    public static Statement? Build(RawTable table, List<string> strayTotals, List<Diagnostic> diagnostics, ReleasePeriod? release = null)
    {
        var rowLines = table.Body.Where(b => b.Kind == LineKind.Row).ToList();
        var n = ColumnCount(rowLines);
        if (n == 0)
        {
            return null;
        }

        foreach (var line in table.Body.Where(l => l.Values.Any(v => v.IsTooLarge)))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "value-too-large", $"\"{Short(line.Label)}\": {line.Values.First(v => v.IsTooLarge).Raw} is too large to be an amount (over 10^18); the cell is left blank", line.SourceLine));
        }

        foreach (var line in rowLines.Where(l => l.DropFootnoteMarkers(n)))
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "footnote-marker", $"\"{Short(line.Label)}\": the \"(1)\"-style marks beside its values are read as footnote markers, not values", line.SourceLine));
        }

        var stacked = HeaderStack.ColumnSpans(rowLines, n) is { } spans ? HeaderStack.PerColumn([.. table.Headers.Select(h => h.Text)], spans) : null;
        var changes = ChangeColumns(rowLines, n, table.Headers, stacked);
        var periods = n - changes.Count;
        ColumnPositions?[] layouts = [ColumnPositions.Learn(rowLines, n, fields: true), ColumnPositions.Learn(rowLines, n, fields: false)];
        var units = new List<Unit>();
        var headings = WrappedHeadings(table.Body);
        foreach (var line in table.Body)
        {
            switch (line.Kind)
            {
                case LineKind.Row:
                    units.Add(RowUnitFor(line, n, table, layouts, changes, diagnostics));
                    break;
                case LineKind.ValuesOnly when line.ValueCount == n:
                    units.Add(new Unit { Line = line, Unlabeled = true, Readings = { new List<StatementRow> { MakeRow("Total", [.. line.Values], line, table) } }, Dropped = true });
                    break;
                case LineKind.ValuesOnly or LineKind.Junk when !IsRule(line.Text):
                    diagnostics.Add(new Diagnostic(Severity.Info, "junk-row", $"dropped \"{Short(line.Text.Trim())}\": values with no label that fit no column", line.SourceLine));
                    break;
                case LineKind.LabelOnly when headings.TryGetValue(line, out var heading) && (heading.EndsWith(':') || Concepts.IsShareHeading(heading)):
                    units.Add(new Unit { Line = line, Marker = heading.TrimEnd(':').Trim().TrimStart('-', '–', '—', ' ') });
                    break;
            }
        }

        if (changes.Count > 0)
        {
            foreach (var row in units.SelectMany(u => u.Readings).SelectMany(r => r))
            {
                row.Values = [.. row.Values.Where((_, c) => !changes.Contains(c))];
                row.RawValues = [.. row.RawValues.Where((_, c) => !changes.Contains(c))];
            }

            diagnostics.Add(new Diagnostic(Severity.Info, "change-columns", $"left out of \"{Short(table.Title)}\": column{(changes.Count == 1 ? "" : "s")} {string.Join(", ", changes.Order().Select(c => c + 1))} of {n}, a change between periods rather than a period", table.SourceLine));
        }

        n = periods;
        var context = string.Join("\n", new[] { table.Title }.Concat(table.Context));
        KindFromRows(table, units, context, diagnostics);
        var dayFromRelease = false;
        var columns = stacked is null ? null : HeaderStack.Columns(table.Kind, context, [.. stacked.Where((_, c) => !changes.Contains(c))], release, out dayFromRelease);
        if (columns is not null && dayFromRelease)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "columns", $"the header of \"{Short(table.Title)}\" prints no day; its periods are taken to end on {release!.End!.Value.ToString("MMMM d", System.Globalization.CultureInfo.InvariantCulture)}, as the release's quarter does", table.SourceLine));
        }

        columns ??= ColumnResolver.Resolve(table.Kind, context, [.. table.Headers.Select(h => h.Text)], periods, diagnostics, table.SourceLine, release);
        if (columns is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "statement-unreadable", $"the {table.Kind.ToTitle().ToLowerInvariant()} table \"{Short(table.Title)}\" was found but its columns could not be read; it is left out", table.SourceLine));
            return null;
        }

        var statement = new Statement { Kind = table.Kind, Title = table.Title.Length > 0 ? Short(table.Title, 200) : null, SourceLine = table.SourceLine };
        statement.Columns.AddRange(columns);

        // Orientation: rows printed bottom-up put their totals above the parts and section headers below them.
        var forward = Evaluate(units, n, table);
        units.Reverse();
        var backward = Evaluate(units, n, table);
        // A table printed bottom-up ends with a section header ("Revenues:") or starts with a total or the share
        // lines; without that shape, a better score for the reversed order is a typo's accident, not evidence.
        var endsWithMarker = units.Count > 0 && units[0].Marker is not null;
        var firstRow = units.LastOrDefault(u => u.Readings.Count > 0 && !u.Unlabeled)?.Readings[0][0];
        var startsLikeBottom = firstRow is not null && (firstRow.IsTotal || firstRow.Unit != RowUnit.Usd);
        if ((backward > forward && (startsLikeBottom || endsWithMarker)) || (backward == forward && endsWithMarker))
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "rows-reversed", $"the rows of \"{Short(table.Title)}\" were printed bottom-up and were put back in statement order", table.SourceLine));
        }
        else
        {
            units.Reverse();
        }

        // Ambiguous lines: each reading in turn, keeping the one under which the most identities hold.
        foreach (var unit in units.Where(u => u.Readings.Count > 1 && !u.Unlabeled))
        {
            var best = (Score: int.MinValue, Index: 0);
            for (var r = 0; r < unit.Readings.Count; r++)
            {
                unit.Chosen = r;
                var s = Evaluate(units, n, table);
                if (s > best.Score)
                {
                    best = (s, r);
                }
            }

            unit.Chosen = best.Index;
        }

        ResolveUnlabeled(units, n, table, strayTotals, diagnostics);

        var rows = Assemble(units, table);
        LabelPaths(rows, table.Kind);
        statement.Rows.AddRange(rows);
        if (!table.UnitsStated && rows.Any(r => r.Unit == RowUnit.Usd))
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "units", $"no units line for \"{Short(table.Title)}\"; values are taken as printed", table.SourceLine));
        }

        return statement;
    }

    /// <summary>
    /// A table whose title names no statement (a caption, "Operating Summary", "Statements of Comprehensive Income", or
    /// nothing) takes the kind its rows show (<see cref="StatementKinds.FromRows"/>). A title that names a kind keeps
    /// it, and one that sets the table apart (non-GAAP, reconciliation, segments) keeps it supplemental.
    /// </summary>
    private static void KindFromRows(RawTable table, List<Unit> units, string context, List<Diagnostic> diagnostics)
    {
        if ((table.HasStatementTitle && table.Kind != StatementKind.Supplemental) || TableExtractor.NamesSupplement(context))
        {
            return;
        }

        if (StatementKinds.FromRows(Assemble(units, table)) is StatementKind kind && kind != table.Kind)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "kind-from-rows", $"\"{Short(table.Title)}\" is read as the {kind.ToTitle().ToLowerInvariant()}: its title names no statement, its rows do", table.SourceLine));
            table.Kind = kind;
        }
    }

    /// <summary>
    /// Each label-only line that ends a heading, with the heading's whole text: a heading too long for the label
    /// column wraps over lines as a row label does ("Earnings (loss) per common" over "share -- Diluted").
    /// </summary>
    private static Dictionary<PrintedLine, string> WrappedHeadings(List<PrintedLine> body)
    {
        var headings = new Dictionary<PrintedLine, string>();
        string? pending = null;
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            if (line.Kind != LineKind.LabelOnly)
            {
                pending = null;
                continue;
            }

            pending = pending is null ? line.Label : pending + " " + line.Label;
            if (k + 1 < body.Count && body[k + 1] is { Kind: LineKind.LabelOnly } next && TableExtractor.WrapsInto(line, next))
            {
                continue;
            }

            headings[line] = pending;
            pending = null;
        }

        return headings;
    }

    private static int ColumnCount(List<PrintedLine> rows)
    {
        var counts = rows.Select(r => r.ValueCount).Where(c => c > 0).ToList();
        if (counts.Count == 0)
        {
            return 0;
        }

        return counts.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    [GeneratedRegex(@"%|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b|\bgrowth\b|\bbetter\b|\bworse\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeName();

    [GeneratedRegex(@"\bfav(?:ou?rable)?\b|\bunfav(?:ou?rable)?\b|\bQ/Q\b|\bY/Y\b|\bbps\b", RegexOptions.IgnoreCase)]
    private static partial Regex FavourName();

    /// <summary>
    /// Columns that hold a change between periods, not a period: named so by the header's last line ("% Change",
    /// "Increase (Decrease)", "Variance"), or printed as percentages in most rows that fill every column.
    /// </summary>
    private static HashSet<int> ChangeColumns(List<PrintedLine> rows, int n, List<PrintedLine> headers, string[]? stacked)
    {
        var changes = new HashSet<int>();
        var full = rows.Where(r => r.ValueCount == n).Select(r => r.Values.ToList()).ToList();
        var names = headers.Count > 0 ? PrintedLine.SplitCells(headers[^1].Text) : [];
        for (var c = 0; c < n; c++)
        {
            // The header stacked over the column names it too ("Fav (Unfav)" over "Amount"; "% of" over "Sales").
            if (full.Count(v => v[c].IsPercent) * 2 > full.Count || (names.Count == n && ChangeName().IsMatch(names[c])) || (stacked is not null && ChangeName().IsMatch(stacked[c])) || (stacked is not null && FavourName().IsMatch(stacked[c])))
            {
                changes.Add(c);
            }
        }

        return changes.Count < n ? changes : [];
    }

    private static StatementRow MakeRow(string label, List<ValueToken> values, PrintedLine line, RawTable table)
    {
        var unit = Concepts.UnitOf(label);
        return new StatementRow
        {
            Label = label,
            Values = [.. values.Select(v => v.IsTooLarge ? null : (decimal?)v.Value)],
            RawValues = [.. values.Select(v => (string?)v.Raw)],
            Unit = unit,
            Scale = table.Units.For(unit),
            SourceLine = line.SourceLine,
            IsTotal = Concepts.IsTotal(label),
        };
    }

    private static Unit RowUnitFor(PrintedLine line, int n, RawTable table, ColumnPositions?[] layouts, HashSet<int> changes, List<Diagnostic> diagnostics)
    {
        var unit = new Unit { Line = line };
        var count = line.ValueCount;
        var values = line.Values.ToList();
        if (count == n)
        {
            unit.Readings.Add([MakeRow(line.Label, values, line, table)]);
            return unit;
        }

        // A line printed for two or three rows is a merged row; one with thousands of values is not, and trying every
        // way to cut its label among them would take minutes.
        if (count > n && count % n == 0 && count / n <= MaxMergedRows)
        {
            var k = count / n;
            var splits = SplitLabel(line.Label, k);
            if (splits.Count > 0)
            {
                var arrangements = new List<Func<int, int, ValueToken>>();
                var groups = line.Groups;
                var columnMajorGrouped = groups.Count == n && groups.All(g => g.Count == k);
                var rowMajorGrouped = groups.Count == k && groups.All(g => g.Count == n);
                Func<int, int, ValueToken> colMajor = (r, c) => values[(c * k) + r];
                Func<int, int, ValueToken> rowMajor = (r, c) => values[(r * n) + c];
                if (rowMajorGrouped && !columnMajorGrouped)
                {
                    arrangements.Add(rowMajor);
                    arrangements.Add(colMajor);
                }
                else
                {
                    arrangements.Add(colMajor);
                    arrangements.Add(rowMajor);
                }

                foreach (var split in splits)
                {
                    foreach (var arrange in arrangements)
                    {
                        var reading = new List<StatementRow>();
                        for (var r = 0; r < k; r++)
                        {
                            reading.Add(MakeRow(split[r], [.. Enumerable.Range(0, n).Select(c => arrange(r, c))], line, table));
                        }

                        unit.Readings.Add(reading);
                    }
                }

                diagnostics.Add(new Diagnostic(Severity.Info, "merged-row", $"split one printed line into {k} rows: {string.Join(" | ", splits[0])}", line.SourceLine));
                return unit;
            }
        }

        if (count < n && layouts.Select(l => l?.Place(line)).FirstOrDefault(p => p is not null) is { } placed)
        {
            var blanks = MakeRow(line.Label, values, line, table);
            var filled = new decimal?[n];
            var raw = new string?[n];
            for (var v = 0; v < count; v++)
            {
                filled[placed[v]] = blanks.Values[v];
                raw[placed[v]] = blanks.RawValues[v];
            }

            blanks.Values = [.. filled];
            blanks.RawValues = [.. raw];
            var under = string.Join(", ", placed.Select(c => c + 1));

            // A blank only under a percentage change ("n/m") is not worth a word: that column is left out.
            if (Enumerable.Range(0, n).Except(placed).Any(c => !changes.Contains(c)))
            {
                diagnostics.Add(new Diagnostic(Severity.Info, "row-placed", $"\"{line.Label}\" has {count} values for {n} columns; they stand under column{(count == 1 ? "" : "s")} {under}, and the others are blank", line.SourceLine));
            }

            unit.Readings.Add([blanks]);
            return unit;
        }

        var row = count > n ? MakeRow(line.Label, values[^n..], line, table) : MakeRow(line.Label, values, line, table);
        if (count < n)
        {
            row.Values = [.. row.Values, .. Enumerable.Repeat<decimal?>(null, n - count)];
            row.RawValues = [.. row.RawValues, .. Enumerable.Repeat<string?>(null, n - count)];
        }

        diagnostics.Add(new Diagnostic(Severity.Warning, "row-values", $"\"{line.Label}\" has {count} values for {n} columns", line.SourceLine));
        unit.Readings.Add([row]);
        return unit;
    }

    /// <summary>The most rows one printed line is read as holding.</summary>
    private const int MaxMergedRows = 8;

    /// <summary>Ways to cut "Current liabilities Long-term portion ... Shareholders' equity" into k labels: before capitalized words.</summary>
    internal static List<List<string>> SplitLabel(string label, int k)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cuts = new List<int>();
        for (var w = 1; w < words.Length; w++)
        {
            var first = words[w].TrimStart('(', '"', '\'')[..Math.Min(1, words[w].TrimStart('(', '"', '\'').Length)];
            if (first.Length == 1 && char.IsUpper(first[0]) && !NoSplitAfter.Contains(words[w - 1].ToLowerInvariant()) && !words[w - 1].EndsWith(',') && !words[w - 1].EndsWith('-'))
            {
                cuts.Add(w);
            }
        }

        var results = new List<(int Score, List<string> Labels)>();
        foreach (var combo in Combinations(cuts, k - 1).Take(500))
        {
            var labels = new List<string>();
            var start = 0;
            foreach (var cut in combo.Append(words.Length))
            {
                labels.Add(string.Join(" ", words[start..cut]));
                start = cut;
            }

            var score = labels.Count(l => Concepts.Known(new StatementRow { Label = l, Values = [], Unit = Concepts.UnitOf(l) }) is not null);
            results.Add((score, labels));
        }

        return [.. results.OrderByDescending(r => r.Score).Select(r => r.Labels)];
    }

    private static IEnumerable<List<int>> Combinations(List<int> items, int choose)
    {
        if (choose == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = 0; i <= items.Count - choose; i++)
        {
            foreach (var rest in Combinations(items[(i + 1)..], choose - 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    /// <summary>Rows in order with sections, totals and concepts set, as the checks and the store see them.</summary>
    private static List<StatementRow> Assemble(List<Unit> units, RawTable table)
    {
        var kind = table.Kind;
        var rows = new List<StatementRow>();
        string? section = null;
        foreach (var unit in units)
        {
            if (unit.Marker is not null)
            {
                section = unit.Marker;
                continue;
            }

            var first = true;
            foreach (var row in unit.Rows)
            {
                if (first && unit.Line.SectionPrefix is string prefix)
                {
                    section = prefix;
                }

                first = false;
                var startsTotal = TotalWord().IsMatch(row.Label);

                // A result line ends the section above it; a result per share under a per-share heading ("Net
                // earnings  $ 3.12" under "Earnings per common share -- Diluted") is the last line of that section.
                var resultPerShare = row.IsTotal && !startsTotal && section is not null && (Concepts.NamesPerShare(section) || Concepts.NamesBasicOrDiluted(section)) && LooksPerShare(row);
                if (row.IsTotal && !startsTotal && !resultPerShare)
                {
                    section = null;
                }

                row.Section = section;

                // "Basic" under "Shares used in computing earnings per share:" counts shares, not dollars per share.
                if (Concepts.UnitFromSection(row.Label, section) is RowUnit unitHere && unitHere != row.Unit)
                {
                    row.Unit = unitHere;
                    row.Scale = table.Units.For(unitHere);
                }
                else if (section is null && row.Unit == RowUnit.UsdPerShare && Concepts.IsBareShareLabel(row.Label) && LooksLikeShareCount(row))
                {
                    // A bare "Basic  18,043,834" with no heading to say so: no amount per share runs to millions.
                    row.Unit = RowUnit.Shares;
                    row.Scale = table.Units.For(RowUnit.Shares);
                }
                else if (row.Unit == RowUnit.Usd && section is not null && (Concepts.NamesPerShare(section) || Concepts.NamesBasicOrDiluted(section)) && LooksPerShare(row))
                {
                    // "Avista Utilities  0.09" under "Contribution to earnings per diluted share by segment:".
                    row.Unit = RowUnit.UsdPerShare;
                    row.Scale = table.Units.For(RowUnit.UsdPerShare);
                }

                row.Concept = Concepts.For(row, kind);
                rows.Add(row);
                if (startsTotal || resultPerShare)
                {
                    section = null;
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// A per-share or share-count row whose own label is bare ("Net income", "Total", "From net income" under
    /// "Diluted:") is shown with its heading as a label path, "Diluted: Net income", so that it can be found and told
    /// from the net income itself. Amounts keep their own labels: the checks read "Total ..." as a sum.
    /// </summary>
    private static void LabelPaths(List<StatementRow> rows, StatementKind kind)
    {
        foreach (var row in rows)
        {
            if (row.Unit != RowUnit.Usd && row.Section is string heading && Concepts.IsBareUnderHeading(row.Label))
            {
                row.Label = heading + ": " + row.Label;
                row.Concept = Concepts.For(row, kind);
            }
        }
    }

    /// <summary>Amounts printed in cents, as a per-share figure is: every value has decimals (or is a dash) and is small.</summary>
    private static bool LooksPerShare(StatementRow row) =>
        row.Values.Any(v => v is not null) && row.Values.Zip(row.RawValues).All(p => p.First is not decimal v
            || (Math.Abs(v) < 1000 && (v == 0 || p.Second?.Contains('.') == true)));

    private static bool LooksLikeShareCount(StatementRow row) =>
        row.Values.Any(v => v is not null) && row.Values.All(v => v is not decimal d || (d == decimal.Truncate(d) && Math.Abs(d) >= 1000) || d == 0);

    private static int Evaluate(List<Unit> units, int n, RawTable table) => Checks.Score(Checks.Run(Assemble(units, table), n));

    /// <summary>
    /// Values printed without a label are a total whose label sits elsewhere (or the footer total of a small table),
    /// or debris. Each is kept only where an identity confirms it.
    /// </summary>
    private static void ResolveUnlabeled(List<Unit> units, int n, RawTable table, List<string> strayTotals, List<Diagnostic> diagnostics)
    {
        foreach (var unit in units.Where(u => u.Unlabeled))
        {
            var before = Checks.Run(Assemble(units, table), n);
            // A label printed apart (the release's own words, found anywhere in it), and one derived from what the
            // total sums; in a balance sheet the derived one first, as the identity A = L + E names its totals surely.
            var derived = DerivedTotals(units, unit, table);
            List<string> candidates = table.Kind == StatementKind.BalanceSheet ? [.. derived, .. strayTotals] : [.. strayTotals, .. derived];
            if (strayTotals.Count == 0)
            {
                candidates.Add("Total");
            }

            string? accepted = null;
            foreach (var label in candidates)
            {
                var row = unit.Readings[0][0];
                row.Label = label;
                row.IsTotal = true;
                row.Unit = Concepts.UnitOf(label);
                row.Scale = table.Units.For(row.Unit);
                unit.Dropped = false;
                var rows = Assemble(units, table);
                var index = rows.IndexOf(row);
                var after = Checks.Run(rows, n);
                var own = after.Where(r => r.Row == index).ToList();
                if (own.Count > 0 && own.All(r => r.Passed) && after.Count(r => !r.Passed) <= before.Count(r => !r.Passed))
                {
                    accepted = label;
                    break;
                }

                unit.Dropped = true;
            }

            if (accepted is not null)
            {
                unit.Readings[0][0].LabelDerived = derived.Contains(accepted);
                strayTotals.Remove(accepted);
                diagnostics.Add(new Diagnostic(Severity.Info, "total-rejoined", $"values printed without a label were joined to \"{accepted}\", which their sum confirms", unit.Line.SourceLine));
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Info, "junk-row", $"dropped \"{Short(unit.Line.Text.Trim())}\": values with no label that match no total", unit.Line.SourceLine));
            }
        }
    }

    /// <summary>
    /// The names a total printed without a label can take from what it sums, each still to be confirmed by its sum:
    /// in a balance sheet the first such total under the asset lines is total assets and the one under the
    /// liabilities and equity is their total (named as the heading over them names it); elsewhere a total under a
    /// section heading ("Revenues:") is that section's total.
    /// </summary>
    private static List<string> DerivedTotals(List<Unit> units, Unit unit, RawTable table)
    {
        var names = new List<string>();
        var at = units.IndexOf(unit);
        var above = units.Take(at).Where(u => !u.Unlabeled || !u.Dropped).SelectMany(u => u.Rows).ToList();
        if (table.Kind == StatementKind.BalanceSheet)
        {
            if (!above.Any(r => Concepts.Known(r) == "Assets"))
            {
                names.Add("Total assets");
            }
            else if (!above.Any(r => Concepts.Known(r) == "LiabilitiesAndStockholdersEquity"))
            {
                var heading = table.Body.LastOrDefault(b => b.Kind == LineKind.LabelOnly && b.Index < unit.Line.Index && b.Label.StartsWith("liabilities and ", StringComparison.OrdinalIgnoreCase));
                names.Add(heading is null ? "Total liabilities and equity" : TotalOf(heading.Label));
            }
        }

        for (var k = at - 1; k >= 0; k--)
        {
            if (units[k].Marker is string section)
            {
                names.Add(TotalOf(section));
                break;
            }

            if (units[k].Rows.Any(r => r.IsTotal))
            {
                break;
            }
        }

        return names;
    }

    /// <summary>"Total costs and expenses" from "COSTS AND EXPENSES:", "Total revenues" from "Revenues".</summary>
    private static string TotalOf(string heading)
    {
        var h = heading.TrimEnd(':').Trim();
        h = h.Any(char.IsLower) ? char.ToLowerInvariant(h[0]) + h[1..] : h.ToLowerInvariant();
        return "Total " + h;
    }

    /// <summary>"--------   --------" or "======": the rules a fixed-width table draws under its header and above totals.</summary>
    private static bool IsRule(string text) => text.All(c => c is '-' or '=' or '_' or ' ' or '\t' or '—' or '–') && text.Trim().Length > 0;

    private static string Short(string s, int max = 60)
    {
        s = Whitespace.Collapse(s).Trim();
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
