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

                var text = string.Join(" ", td.OfType<Markdig.Syntax.ParagraphBlock>().SelectMany(p => MarkdownFormat.Lines(p.Inline)));
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
            if (cells.Count == 0 && lead.Count == 0)
            {
                continue;
            }

            if (cells.Count != 1 || cells[0].IsValue)
            {
                break;
            }

            lead.Add(cells[0].Text);
        }

        var body = joined.Skip(top).ToList();

        // A title printed in the header's stub cell ("Statements of Financial Position (In EUR'000s)" beside the
        // dates): the title is a line of its own above the header.
        if (body.FirstOrDefault() is { } first && first.Cells is [{ Column: 0, IsValue: false } stub, _, ..] && !first.Cells.Any(c => c.IsAmount) && stub.Text.Split(' ').Length > 3)
        {
            lead.Add(stub.Text);
            body[0] = first with { Cells = first.Cells.Skip(1).ToList() };
        }

        if (lead.Count > 0)
        {
            blocks.Add(new ProseBlock(lead));
        }

        var columns = AmountColumns(body, out var percent);
        var output = new List<IReadOnlyList<string>>();
        foreach (var row in body)
        {
            if (row.Cells.Count == 0)
            {
                continue;
            }

            var label = row.Cells[0].Column == 0 && !row.Cells[0].IsValue ? row.Cells[0].Text : "";
            var rest = row.Cells.Where(c => c.Column > 0 || label.Length == 0).ToList();
            if (rest.Count == 0)
            {
                output.Add([label]);
                continue;
            }

            var fields = new string[columns.Count];
            if (rest.Any(c => c.IsAmount))
            {
                foreach (var c in rest.Where(c => c.IsValue && !percent.Contains(c.Column)))
                {
                    if (columns.FindIndex(g => g.Contains(c.Column)) is var at and >= 0)
                    {
                        fields[at] = fields[at] is null ? c.Text : fields[at] + " " + c.Text;
                    }
                }
            }
            else
            {
                Spread(rest, row.Printed < width && row.Printed > 0, columns, fields);
            }

            var cells = new List<string> { label };
            cells.AddRange(fields.Select(f => f ?? ""));
            while (cells.Count > 1 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            output.Add(cells);
        }

        if (output.Count > 0)
        {
            blocks.Add(new TableBlock(output));
        }

        return blocks;
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
    /// The amount columns, left to right, each the set of printed columns it takes: a column's amounts stand in one
    /// printed column, or in two neighbours where some rows print "$" and the amount in one cell and others in two,
    /// never both filled in one row. Columns that hold only percentages are left out (<paramref name="percent"/>).
    /// </summary>
    private static List<HashSet<int>> AmountColumns(List<Row> rows, out HashSet<int> percent)
    {
        var amounts = new SortedSet<int>();
        percent = [];
        foreach (var row in rows)
        {
            foreach (var c in row.Cells.Where(c => c.Column > 0 && c.IsValue))
            {
                if (c.IsPercent)
                {
                    percent.Add(c.Column);
                }
                else if (c.IsAmount)
                {
                    amounts.Add(c.Column);
                }
            }
        }

        percent.ExceptWith(amounts);
        var groups = new List<HashSet<int>>();
        foreach (var column in amounts)
        {
            if (groups.Count > 0 && groups[^1].Max() == column - 1 && !rows.Any(r => r.Cells.Any(c => c.IsAmount && c.Column == column) && r.Cells.Any(c => c.IsAmount && groups[^1].Contains(c.Column))))
            {
                groups[^1].Add(column);
            }
            else
            {
                groups.Add([column]);
            }
        }

        return groups;
    }

    /// <summary>
    /// A header row over the amount columns: each cell stands over the columns from its own place to the next cell's
    /// (a colspan the conversion lost), and is repeated over each. A row printed with fewer cells than the table's
    /// rows lost its spans' widths as well: its cells share the columns equally when they divide them evenly.
    /// </summary>
    private static void Spread(List<Cell> cells, bool shortRow, List<HashSet<int>> columns, string?[] fields)
    {
        if (columns.Count == 0)
        {
            return;
        }

        var header = cells.Where(c => !c.IsPercent).ToList();
        if (header.Count == 0)
        {
            return;
        }

        if (shortRow && columns.Count % header.Count == 0)
        {
            var run = columns.Count / header.Count;
            for (var i = 0; i < columns.Count; i++)
            {
                fields[i] = header[i / run].Text;
            }

            return;
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
