using System.Text.RegularExpressions;
using FilingTui.Core.Tables;
using Markdig.Extensions.Tables;

namespace FilingTui.Core.Formats;

/// <summary>
/// A pipe table to blocks. Newswire copies convert their HTML tables cell for cell and lose the colspans, so one
/// printed amount is often three cells ("$" | "281,277" | "" or "(19,880" | ")"), a header cell spanning several
/// columns is one cell of a shorter row, and the company name, statement title and units line are one-cell rows at
/// the top. Here the pieces are joined (<see cref="CellJoin"/>), the columns holding amounts found and each row laid
/// out with one cell per amount column, a header cell repeated over each column it stands over, and the one-cell
/// rows at the top given as prose lines, where the title and units rules read them.
/// </summary>
internal static partial class MarkdownTable
{
    /// <summary>A bullet glyph in a cell of its own: "| ● | text |" is a list laid out as a table.</summary>
    [GeneratedRegex(@"^[●•·▪◦○■□➢►\-–—*o]$")]
    private static partial Regex Bullet();

    /// <summary>Words run together where a line break was lost ("Months EndedDecember 31", "SubsidiariesCondensed").</summary>
    [GeneratedRegex(@"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}{2})|(?<=\))(?=\()")]
    private static partial Regex RunTogether();

    /// <summary>A cell as its text, and where it stands: its place in the row as printed.</summary>
    private sealed record Cell(int Column, string Text)
    {
        public List<ValueToken>? Tokens { get; init; }

        public bool IsValue => Tokens is { Count: > 0 };

        /// <summary>A number that is an amount, not a year over a column.</summary>
        public bool IsAmount => IsValue && Tokens!.Any(t => !t.LooksLikeYear);

        public bool IsPercent => IsValue && Tokens!.All(t => t.IsPercent);
    }

    /// <summary>A row as printed: its non-empty cells, and how many cells the source row has (a merged header has fewer).</summary>
    private sealed record Row(List<Cell> Cells, int Printed);

    public static IEnumerable<SourceBlock> Read(Table table)
    {
        var width = 0;
        var rows = new List<Row>();
        foreach (var tr in table.OfType<TableRow>())
        {
            var cells = new List<Cell>();
            var printed = 0;
            var column = 0;
            foreach (var td in tr.OfType<TableCell>())
            {
                // Markdig pads a short row with cells that hold no paragraph; those were never printed.
                if (td.Count > 0)
                {
                    printed = column + 1;
                }

                var text = string.Join(" ", td.OfType<Markdig.Syntax.ParagraphBlock>().SelectMany(p => MarkdownFormat.Lines(p.Inline, collapse: true)));
                if (text.Length > 0)
                {
                    cells.Add(new Cell(column, RunTogether().Replace(text, " ")));
                }

                column++;
            }

            width = Math.Max(width, printed);
            rows.Add(new Row(cells, printed));
        }

        return Layout(rows, width);
    }

    private static List<SourceBlock> Layout(List<Row> rows, int width)
    {
        var blocks = new List<SourceBlock>();
        var joined = rows.Select(r => r with { Cells = Join(r.Cells) }).ToList();
        var numeric = joined.Any(r => r.Cells.Any(c => c.Column > 0 && c.IsValue));
        if (!numeric)
        {
            blocks.Add(new ProseBlock([.. joined.Where(r => r.Cells.Count > 0).Select(r => Text(r.Cells))]));
            return blocks;
        }

        // The one-cell rows above the header and numbers: company, statement title, units, "(Unaudited)".
        var top = 0;
        var lead = new List<string>();
        for (; top < joined.Count; top++)
        {
            var cells = joined[top].Cells;
            if (cells.Count == 0)
            {
                continue;
            }

            if (cells.Count != 1 || cells[0].IsValue || cells[0].Column > 0)
            {
                break;
            }

            lead.Add(cells[0].Text);
        }

        if (lead.Count > 0)
        {
            blocks.Add(new ProseBlock(lead));
        }

        var output = new List<IReadOnlyList<string>>();
        foreach (var segment in Segments(joined.Skip(top).ToList()))
        {
            LayOut(segment, width, output);
        }

        if (output.Count > 0)
        {
            blocks.Add(new TableBlock(output));
        }

        return blocks;
    }

    /// <summary>Whether a row holds amounts right of its stub; one that holds none is a header, a heading or a note.</summary>
    private static bool HasAmounts(Row row) => row.Cells.Any(c => c.Column > 0 && c.IsAmount);

    /// <summary>
    /// A table's statements, where a copy put several in one pipe table: each header row that follows rows of
    /// amounts (column headings after the numbers) opens the next, with columns of its own.
    /// </summary>
    private static List<List<Row>> Segments(List<Row> rows)
    {
        var segments = new List<List<Row>> { new() };
        var amounts = false;
        foreach (var row in rows)
        {
            var isAmounts = HasAmounts(row);
            if (!isAmounts && amounts && row.Cells.Any(c => c.Column > 0))
            {
                segments.Add([]);
                amounts = false;
            }

            amounts |= isAmounts;
            segments[^1].Add(row);
        }

        return segments;
    }

    private static void LayOut(List<Row> body, int width, List<IReadOnlyList<string>> output)
    {
        var columns = AmountColumns(body, out var percent);
        var headerRows = true;
        foreach (var row in body)
        {
            if (row.Cells.Count == 0)
            {
                continue;
            }

            var label = row.Cells[0].Column == 0 && !row.Cells[0].IsValue ? row.Cells[0].Text : "";
            var amounts = HasAmounts(row);
            headerRows &= !amounts;

            // Text in the stub cell of a header row is no row's label: a title or units line printed beside the
            // column headings ("(In thousands)" left of the years). It is a line of its own above them.
            if (headerRows && label.Length > 0 && row.Cells.Count > 1)
            {
                output.Add([label]);
                label = "";
            }

            var rest = row.Cells.Where(c => c.Column > 0 || c.IsValue).ToList();
            if (rest.Count == 0)
            {
                output.Add([label]);
                continue;
            }

            var fields = new string?[Math.Max(columns.Count, amounts ? rest.Count(c => c.IsValue && !c.IsPercent) : 0)];
            if (amounts)
            {
                Place(rest.Where(c => c.IsValue && !c.IsPercent).ToList(), columns, fields);
            }
            else
            {
                Spread(rest, row.Printed < width && row.Printed > 0, columns, percent, fields);
            }

            var cells = new List<string> { label };
            cells.AddRange(fields.Select(f => f ?? ""));
            while (cells.Count > 1 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            // A row of percentage headings alone ("% of Net") leaves nothing.
            if (cells is not [""])
            {
                output.Add(cells);
            }
        }
    }

    private static string Text(List<Cell> cells)
    {
        if (cells.Count >= 2 && Bullet().IsMatch(cells[0].Text))
        {
            return "• " + string.Join(" ", cells.Skip(1).Select(c => c.Text));
        }

        return string.Join(" ", cells.Select(c => c.Text));
    }

    /// <summary>The row's cells right of the stub with "$", "(", ")" and "%" pieces joined to their amounts.</summary>
    private static List<Cell> Join(List<Cell> cells)
    {
        var stub = cells.TakeWhile(c => c.Column == 0).ToList();
        var rest = CellJoin.Merge(cells.Skip(stub.Count).ToList(), c => c.Text, (c, t) => c with { Text = t }, 0);
        return [.. stub.Concat(rest).Select(c => c with { Tokens = ValueTokens.ParseCell(c.Text) })];
    }

    /// <summary>
    /// The amount columns, left to right, each the set of printed columns it takes, read off the row printing the most
    /// numbers (the model): copies give some rows a grid of their own (per-share rows without the percentage cells),
    /// so only one row's places are taken as the columns. A column takes the neighbouring place as well where other
    /// full rows print their amount one cell over ("$" and the amount in one cell, or in two). The model's
    /// percentages are columns left out (<paramref name="percent"/>).
    /// </summary>
    private static List<HashSet<int>> AmountColumns(List<Row> rows, out HashSet<int> percent)
    {
        percent = [];
        static List<Cell> Amounts(Row r) => [.. r.Cells.Where(c => c.Column > 0 && c.IsValue && !c.IsPercent)];
        var valued = rows.Where(HasAmounts).ToList();
        if (valued.Count == 0)
        {
            return [];
        }

        var model = valued.MaxBy(r => r.Cells.Count(c => c.Column > 0 && c.IsValue))!;
        var columns = Amounts(model).Select(c => new HashSet<int> { c.Column }).ToList();
        percent.UnionWith(model.Cells.Where(c => c.Column > 0 && c.IsPercent).Select(c => c.Column));
        foreach (var row in valued)
        {
            var amounts = Amounts(row);
            if (amounts.Count != columns.Count)
            {
                continue;
            }

            for (var i = 0; i < amounts.Count; i++)
            {
                var own = columns[i].Min();
                if (Math.Abs(amounts[i].Column - own) == 1 && !percent.Contains(amounts[i].Column) && !columns.Any(g => g.Contains(amounts[i].Column)))
                {
                    columns[i].Add(amounts[i].Column);
                }
            }
        }

        return columns;
    }

    /// <summary>
    /// A row's amounts into the amount columns: one each in order when the row fills them all; by where they stand
    /// when each stands in a column of its own ("Redeemable interest  -  6,549" under two dates); else in order from
    /// the left, as a copy that printed this row's cells on a grid of its own gives no better clue.
    /// </summary>
    private static void Place(List<Cell> values, List<HashSet<int>> columns, string?[] fields)
    {
        if (values.Count < columns.Count)
        {
            var at = values.Select(v => columns.FindIndex(g => g.Contains(v.Column))).ToList();
            if (at.All(i => i >= 0) && at.Zip(at.Skip(1)).All(p => p.First < p.Second))
            {
                for (var i = 0; i < values.Count; i++)
                {
                    fields[at[i]] = values[i].Text;
                }

                return;
            }
        }

        for (var i = 0; i < values.Count && i < fields.Length; i++)
        {
            fields[i] = values[i].Text;
        }
    }

    /// <summary>
    /// A header row over the amount columns: each cell stands over the columns from its own place to the next cell's
    /// (a colspan the conversion lost), and is repeated over each. A row printed with fewer cells than the table's
    /// rows lost its spans' widths as well: its cells share the columns (percentage columns too, whose headings
    /// such a row also holds) equally when they divide them evenly. Headings of percentage columns are left out.
    /// </summary>
    private static void Spread(List<Cell> cells, bool shortRow, List<HashSet<int>> columns, HashSet<int> percent, string?[] fields)
    {
        var header = cells.Where(c => !c.IsPercent && !(percent.Count > 0 && c.Text.Contains('%'))).ToList();
        if (columns.Count == 0 || header.Count == 0)
        {
            return;
        }

        if (shortRow)
        {
            // Amount and percentage columns in print order; a run of them under each cell.
            var all = columns.Select((g, i) => (At: g.Min(), Field: i)).Concat(percent.Select(p => (At: p, Field: -1))).OrderBy(x => x.At).ToList();
            var spread = cells.Where(c => !c.IsPercent).ToList();
            if (all.Count % spread.Count == 0)
            {
                var run = all.Count / spread.Count;
                for (var i = 0; i < all.Count; i++)
                {
                    if (all[i].Field >= 0 && !(percent.Count > 0 && spread[i / run].Text.Contains('%')))
                    {
                        fields[all[i].Field] = spread[i / run].Text;
                    }
                }

                return;
            }

            if (columns.Count % header.Count == 0)
            {
                var run = columns.Count / header.Count;
                for (var i = 0; i < columns.Count; i++)
                {
                    fields[i] = header[i / run].Text;
                }

                return;
            }
        }

        for (var h = 0; h < header.Count; h++)
        {
            var from = header[h].Column;
            var to = h + 1 < header.Count ? header[h + 1].Column : int.MaxValue;
            var covered = false;
            for (var i = 0; i < columns.Count; i++)
            {
                var at = columns[i].Min();
                if (at >= from && at < to && fields[i] is null)
                {
                    fields[i] = header[h].Text;
                    covered = true;
                }
            }

            // A cell right of every column it could stand over: it names the nearest column on its left.
            if (!covered)
            {
                var left = columns.FindLastIndex(g => g.Min() < from);
                if (left >= 0)
                {
                    fields[left] = fields[left] is null ? header[h].Text : fields[left] + " " + header[h].Text;
                }
            }
        }
    }
}
