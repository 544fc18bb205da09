using System.Text.RegularExpressions;

namespace FilingTui.Core.Formats;

/// <summary>
/// Joins the pieces a table's markup splits one printed amount into: a currency cell before it ("$" | "7,612"), an
/// opening parenthesis before it, and a closing parenthesis or percent sign after it ("(1,087" | ")"). HTML tables and
/// Markdown pipe tables (often converted from that HTML) print them alike, so both formats join them here.
/// </summary>
public static partial class CellJoin
{
    [GeneratedRegex(@"^(?:\$|US\$|C\$|€|£|¥|\(|\$\s*\()$")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:\)|%|\)%|%\)|\)\s*%|pts?\.?|bps)$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    /// <summary>A cell that opens an amount printed in the next cell: "$", "€", "(", "$ (".</summary>
    public static bool IsPrefix(string text) => Prefix().IsMatch(text);

    /// <summary>A cell that closes the amount printed in the cell before: ")", "%", ")%", "pts".</summary>
    public static bool IsSuffix(string text) => Suffix().IsMatch(text);

    /// <summary>
    /// The non-empty cells of one row with each prefix joined to the cell after it and each suffix to the cell before
    /// it; a joined cell keeps the place of the amount (the cell after a prefix). <paramref name="leadingLabels"/>
    /// cells at the start are labels: a prefix or suffix there is text, not part of an amount.
    /// </summary>
    public static List<T> Merge<T>(IReadOnlyList<T> cells, Func<T, string> text, Func<T, string, T> withText, int leadingLabels)
    {
        var merged = new List<T>(cells.Count);
        string? prefix = null;
        foreach (var c in cells)
        {
            var t = text(c);
            if (IsPrefix(t) && merged.Count >= leadingLabels)
            {
                prefix = (prefix ?? "") + t;
                continue;
            }

            if (IsSuffix(t) && merged.Count > leadingLabels)
            {
                merged[^1] = withText(merged[^1], text(merged[^1]) + t.Replace(" ", ""));
                continue;
            }

            merged.Add(prefix is null ? c : withText(c, prefix + t));
            prefix = null;
        }

        return merged;
    }
}
