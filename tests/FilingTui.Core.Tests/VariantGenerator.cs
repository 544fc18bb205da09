using System.Text.RegularExpressions;

namespace FilingTui.Core.Tests;

/// <summary>
/// Messy variants of a sample whose answers do not change: spaces for tabs, stray "$" cells, doubled or missing
/// closing parentheses, OCR junk lines, page breaks inside a table, rows printed bottom-up, two rows merged.
/// </summary>
public static class VariantGenerator
{
    public static readonly string[] Mutations = ["spaces", "dollar", "double-paren", "missing-paren", "junk", "page-break", "reverse", "merge"];

    private static readonly Regex Negative = new(@"\((\d[\d,]*(?:\.\d+)?)\)", RegexOptions.Compiled);
    private static readonly Regex Number = new(@"(?<![\d,.$(])(\d{1,3}(?:,\d{3})+|\d+\.\d+)(?![\d,])", RegexOptions.Compiled);
    private static readonly Regex SimpleRow = new(@"^([A-Z][A-Za-z ,'\-]+?)\t\s*\$?\s*([\d,]+)\t\s*\$?\s*([\d,]+)\s*$", RegexOptions.Compiled);

    public static (string Text, List<string> Applied) Make(string sample, int seed)
    {
        var rng = new Random(seed);
        var lines = sample.Split('\n').ToList();
        var start = lines.FindIndex(l => l.Contains("BALANCE SHEETS", StringComparison.Ordinal));
        var applied = new List<string>();
        var count = rng.Next(1, 4);
        var chosen = Enumerable.Range(0, count).Select(_ => Mutations[rng.Next(Mutations.Length)]).ToList();

        // A table is merged and mangled as typeset, then printed bottom-up, then paginated (as sample 004 shows).
        foreach (var m in chosen.OrderBy(m => m switch { "reverse" => 1, "page-break" or "junk" => 2, _ => 0 }))
        {
            if (Apply(m, lines, start, rng))
            {
                applied.Add(m);
            }
        }

        return (string.Join('\n', lines), applied);
    }

    private static List<int> RowLines(List<string> lines, int start) =>
        [.. Enumerable.Range(start, lines.Count - start).Where(i => Regex.IsMatch(lines[i], @"^[A-Za-z(].*\t.*\d"))];

    private static bool Apply(string mutation, List<string> lines, int start, Random rng)
    {
        var rows = RowLines(lines, start);
        if (rows.Count == 0)
        {
            return false;
        }

        var pick = rows[rng.Next(rows.Count)];
        switch (mutation)
        {
            case "spaces":
                for (var i = start; i < lines.Count; i++)
                {
                    lines[i] = lines[i].Replace("\t", new string(' ', rng.Next(2, 5)), StringComparison.Ordinal);
                }

                return true;
            case "dollar":
                var n = Number.Matches(lines[pick]);
                if (n.Count == 0 || lines[pick].Contains("$ (", StringComparison.Ordinal))
                {
                    return false;
                }

                var target = n[rng.Next(n.Count)];
                lines[pick] = lines[pick][..target.Index] + "$ " + lines[pick][target.Index..];
                return true;
            case "double-paren" or "missing-paren":
                var neg = rows.Where(r => Negative.IsMatch(lines[r])).ToList();
                if (neg.Count == 0)
                {
                    return false;
                }

                var row = neg[rng.Next(neg.Count)];
                var match = Negative.Match(lines[row]);
                lines[row] = lines[row][..match.Index] + "(" + match.Groups[1].Value + (mutation == "double-paren" ? "))" : "") + lines[row][(match.Index + match.Length)..];
                return true;
            case "junk":
                lines.Insert(pick + 1, rng.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case "page-break":
                if (pick + 1 >= lines.Count || !rows.Contains(pick + 1))
                {
                    return false;
                }

                lines.InsertRange(pick + 1, ["", rng.Next(2, 9).ToString(System.Globalization.CultureInfo.InvariantCulture), "", "Page 6 of 9", ""]);
                return true;
            case "reverse":
                var first = lines.FindIndex(start, l => l.StartsWith("Revenues:", StringComparison.Ordinal));
                if (first < 0)
                {
                    return false;
                }

                // The whole statement printed bottom-up, share counts included, as sample 004 prints it.
                var last = first;
                while (last + 1 < lines.Count && lines[last + 1].Trim().Length > 0)
                {
                    last++;
                }

                var average = last + 1;
                while (average < lines.Count && lines[average].Trim().Length == 0)
                {
                    average++;
                }

                if (average < lines.Count && lines[average].StartsWith("Average", StringComparison.Ordinal))
                {
                    lines.RemoveRange(last + 1, average - last - 1);
                    last++;
                }

                if (last - first < 5 || lines.Skip(first).Take(last - first + 1).Any(l => l.Contains("Total revenues", StringComparison.Ordinal) && l.IndexOf("Total", StringComparison.Ordinal) > 0))
                {
                    return false;
                }

                lines.Reverse(first, last - first + 1);
                return true;
            case "merge":
                var pairs = rows.Where(r => rows.Contains(r + 1) && SimpleRow.IsMatch(lines[r]) && SimpleRow.IsMatch(lines[r + 1])
                    && !lines[r].StartsWith("Total", StringComparison.Ordinal) && !lines[r + 1].StartsWith("Total", StringComparison.Ordinal)
                    && lines[r].Count(char.IsUpper) == 1 && lines[r + 1].Count(char.IsUpper) == 1).ToList();
                if (pairs.Count == 0)
                {
                    return false;
                }

                var a = pairs[rng.Next(pairs.Count)];
                var ma = SimpleRow.Match(lines[a]);
                var mb = SimpleRow.Match(lines[a + 1]);
                lines[a] = $"{ma.Groups[1].Value} {mb.Groups[1].Value}\t$ {ma.Groups[2].Value} {mb.Groups[2].Value}\t$ {ma.Groups[3].Value} {mb.Groups[3].Value}";
                lines.RemoveAt(a + 1);
                return true;
        }

        return false;
    }
}
