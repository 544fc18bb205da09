using System.Text.RegularExpressions;
using FilingTui.Core.Import;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Formats;

/// <summary>
/// Tables a scrape of a web page took apart, put back together as table blocks. Two shapes are common, whatever the
/// site: a table flattened onto one line (its header, then each row's label and numbers, run together), and a table
/// with one cell per line. Both are read the same way: the header's run of years ("2024 2023 2024 2023") says how
/// many columns the table has, and after it each label takes exactly that many numbers. A "$" standing alone joins
/// the number after it, a ")" the number before it. A table whose rows do not all fit stays prose.
/// </summary>
internal static partial class ScrapedTables
{
    /// <summary>A flattened table is a long line: a header and at least two rows of numbers.</summary>
    private const int MinFlatLength = 200;

    /// <summary>A cell longer than this is a paragraph, not a row label: the table has ended.</summary>
    private const int MaxLabelLength = 160;

    /// <summary>How many cells above the years may be the header's period headings.</summary>
    private const int MaxHeaderCells = 6;

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:\$|US\$|C\$|€|£|¥)$")]
    private static partial Regex Currency();

    [GeneratedRegex(@"^(?:\)|%|\)%)$")]
    private static partial Regex Closer();

    [GeneratedRegex(@"\b(?:months?|weeks?|years?|quarters?|ended|ending|as\s+of|fiscal|period|" + Dates.MonthPattern + @")", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodWords();

    [GeneratedRegex(@"\b(?:months?|weeks?|years?|quarters?|fiscal|period)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LengthWords();

    /// <summary>A number glued to the word after it ("186,717Cost of goods sold"), a colon to its next word.</summary>
    [GeneratedRegex(@"(?<=[0-9)])(?=[A-Za-z])|(?<=:)(?=\S)")]
    private static partial Regex Glue();

    /// <summary>A month name glued to the word before it ("endedDecember 31,").</summary>
    [GeneratedRegex(@"(?<=[a-z])(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)")]
    private static partial Regex GluedMonth();

    /// <summary>A year glued to its day ("December 31,2024").</summary>
    [GeneratedRegex(@"(?<=\b[0-9]{1,2}),(?=(?:19|20)[0-9]{2}\b)")]
    private static partial Regex GluedYear();

    /// <summary>Where a second heading starts on a header line: after a comma, at a capital ("December 31, For the years").</summary>
    [GeneratedRegex(@"(?<=,)\s+(?=[A-Z])")]
    private static partial Regex HeadingBreak();

    [GeneratedRegex(@"[\s\u00A0\u200B]+")]
    private static partial Regex Space();

    public static IReadOnlyList<SourceBlock> Rebuild(IReadOnlyList<SourceBlock> blocks)
    {
        List<SourceBlock>? rebuilt = null;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is ProseBlock prose && Rebuild(prose.Lines) is { } parts)
            {
                rebuilt ??= [.. blocks.Take(b)];
                rebuilt.AddRange(parts);
            }
            else
            {
                rebuilt?.Add(blocks[b]);
            }
        }

        return rebuilt ?? blocks;
    }

    /// <summary>The block's lines with its scraped tables as table blocks, or null when it has none.</summary>
    private static List<SourceBlock>? Rebuild(IReadOnlyList<string> lines)
    {
        List<SourceBlock>? parts = null;
        var prose = new List<string>();
        var at = 0;
        while (at < lines.Count)
        {
            if (lines[at].Length >= MinFlatLength && Flattened(lines[at]) is { } flat)
            {
                Add(flat, at + 1);
                continue;
            }

            if (Year().IsMatch(lines[at].Trim()) && CellPerLine(lines, at) is { } table)
            {
                // The header cells above the years were copied to prose before this line was reached: take them back.
                prose.RemoveRange(prose.Count - table.HeaderLines, table.HeaderLines);
                Add(table.Rows, table.End);
                continue;
            }

            prose.Add(lines[at]);
            at++;
        }

        if (parts is null)
        {
            return null;
        }

        if (prose.Count > 0)
        {
            parts.Add(new ProseBlock(prose));
        }

        return parts;

        void Add(List<IReadOnlyList<string>> rows, int next)
        {
            parts ??= [];
            if (prose.Count > 0)
            {
                parts.Add(new ProseBlock(prose));
                prose = [];
            }

            parts.Add(new TableBlock(rows));
            at = next;
        }
    }

    /// <summary>A table flattened onto one line: "HEADER 2024 2023 Revenues $ 47,004 $ 70,764 Cost of goods sold ...".</summary>
    private static List<IReadOnlyList<string>>? Flattened(string line)
    {
        var text = Space().Replace(GluedYear().Replace(GluedMonth().Replace(Glue().Replace(line, " "), " "), ", "), " ").Trim();
        var tokens = text.Split(' ');
        var start = -1;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (Year().IsMatch(tokens[i]) && Year().IsMatch(tokens[i + 1]))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return null;
        }

        var n = 0;
        while (start + n < tokens.Length && Year().IsMatch(tokens[start + n]))
        {
            n++;
        }

        // Words run together into one label cell; a colon ends a heading ("Other expense (income):").
        var cells = new List<string>();
        var words = new List<string>();
        foreach (var token in tokens.Skip(start + n))
        {
            if (IsValue(token) || Currency().IsMatch(token) || Closer().IsMatch(token))
            {
                FlushWords();
                cells.Add(token);
            }
            else
            {
                words.Add(token);
                if (token.EndsWith(':'))
                {
                    FlushWords();
                }
            }
        }

        FlushWords();
        var rows = Rows(i => i < cells.Count ? cells[i] : null, 0, n, out _);
        if (rows is null)
        {
            return null;
        }

        var header = string.Join(' ', tokens.Take(start));
        var headings = header.Length > 0 ? HeadingBreak().Split(header).ToList() : [];
        return [.. HeaderRows(headings, n), Years(tokens.Skip(start).Take(n)), .. rows];

        void FlushWords()
        {
            if (words.Count > 0)
            {
                cells.Add(string.Join(' ', words));
                words.Clear();
            }
        }
    }

    /// <summary>
    /// A table printed one cell per line, found at its first year: the years that follow it give the column count,
    /// the lines above it that name periods ("Three Months Ended September 30,") are its header.
    /// </summary>
    private static (List<IReadOnlyList<string>> Rows, int End, int HeaderLines)? CellPerLine(IReadOnlyList<string> lines, int first)
    {
        // Cells are the non-blank lines, read only as far as the rows go; a line of spaces (a blank cell) is skipped.
        var lineOf = new List<int>();
        var next = first;
        string? Cell(int index)
        {
            while (lineOf.Count <= index && next < lines.Count)
            {
                if (Clean(lines[next]).Length > 0)
                {
                    lineOf.Add(next);
                }

                next++;
            }

            return index < lineOf.Count ? Clean(lines[lineOf[index]]) : null;
        }

        var n = 0;
        while (Cell(n) is string y && Year().IsMatch(y))
        {
            n++;
        }

        if (n < 2 || Rows(Cell, n, n, out var used) is not { } rows)
        {
            return null;
        }

        // Period headings above the years, nearest first, as long as they read like one.
        var headings = new List<string>();
        var headerLines = 0;
        var cellsAbove = 0;
        for (var i = first - 1; i >= 0 && cellsAbove < MaxHeaderCells; i--)
        {
            var cell = Clean(lines[i]);
            if (cell.Length > 0 && (cell.Length > 60 || !PeriodWords().IsMatch(cell) || IsValue(cell)))
            {
                break;
            }

            headerLines++;
            if (cell.Length > 0)
            {
                headings.Insert(0, GluedMonth().Replace(cell, " "));
                cellsAbove++;
            }
        }

        // Blank lines above the first heading stay prose.
        while (headerLines > 0 && Clean(lines[first - headerLines]).Length == 0)
        {
            headerLines--;
        }

        return ([.. HeaderRows(headings, n), Years(Enumerable.Range(0, n).Select(i => Cell(i)!)), .. rows], lineOf[used - 1] + 1, headerLines);
    }

    /// <summary>
    /// Rows from cells: each label takes exactly <paramref name="n"/> numbers; a label with none is a heading row. Stops
    /// at a label whose row is short, at a paragraph, or at the next table's years. Null when fewer than two rows
    /// have numbers. <paramref name="used"/> is the number of cells read through the last row of numbers.
    /// </summary>
    private static List<IReadOnlyList<string>>? Rows(Func<int, string?> cells, int from, int n, out int used)
    {
        var rows = new List<List<string>>();
        List<string>? row = null;
        var prefix = "";
        var withValues = 0;
        used = from;
        for (var i = from; cells(i) is string c; i++)
        {
            if (Currency().IsMatch(c))
            {
                prefix += c;
                continue;
            }

            if (Closer().IsMatch(c))
            {
                var last = row is { Count: > 1 } ? row : rows.Count > 0 && rows[^1].Count > 1 ? rows[^1] : null;
                if (last is null)
                {
                    break;
                }

                last[^1] += c;
                if (last != row)
                {
                    used = i + 1;
                }

                continue;
            }

            if (IsValue(c))
            {
                // Years where a row's numbers would start are the next table's header.
                if (row is null or { Count: 1 } && Year().IsMatch(c) && cells(i + 1) is string y2 && Year().IsMatch(y2))
                {
                    break;
                }

                row ??= [""];
                row.Add(prefix + c);
                prefix = "";
                if (row.Count == n + 1)
                {
                    rows.Add(row);
                    row = null;
                    withValues++;
                    used = i + 1;
                }

                continue;
            }

            // A label: the row before it must be complete.
            if ((row is not null && row.Count > 1) || c.Length > MaxLabelLength)
            {
                break;
            }

            if (row is not null)
            {
                rows.Add(row);
            }

            row = [c];
        }

        // Headings after the last row of numbers belong to what follows the table.
        while (rows.Count > 0 && rows[^1].Count == 1)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return withValues >= 2 ? [.. rows] : null;
    }

    /// <summary>
    /// Header cells over the columns: period lengths in one row, dates in the next ("Three Months Ended" over
    /// "September 30,"). A row of fewer headings than columns spreads them evenly, as the colspans of the page did
    /// ("December 31," over 2024 and 2023). A heading that names no period ("EBITDA Calculation") heads the labels,
    /// not a column: it is left out of the header.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> HeaderRows(List<string> headings, int columns)
    {
        var rows = new List<List<string>>();
        bool? lengths = null;
        foreach (var h in headings.Where(h => PeriodWords().IsMatch(h)))
        {
            var isLength = LengthWords().IsMatch(h);
            if (lengths != isLength)
            {
                rows.Add([]);
            }

            rows[^1].Add(h);
            lengths = isLength;
        }

        foreach (var row in rows)
        {
            yield return row.Count < columns && columns % row.Count == 0
                ? ["", .. row.SelectMany(h => Enumerable.Repeat(h, columns / row.Count))]
                : ["", .. row];
        }
    }

    private static List<string> Years(IEnumerable<string> years) => ["", .. years];

    private static bool IsValue(string cell) => ValueTokens.ParseCell(cell) is { Count: 1 } && !cell.Any(char.IsLetter);

    private static string Clean(string line) => Space().Replace(line, " ").Trim();
}
