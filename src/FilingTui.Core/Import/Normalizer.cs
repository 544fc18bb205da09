using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Import;

/// <summary>
/// Text to lines a parser can trust: markdown escapes undone, page artifacts (lone page numbers,
/// "Page 5 of 6", "-financials follow-", running headers printed at page tops) removed.
/// Every kept line remembers its source line.
/// </summary>
public static partial class Normalizer
{
    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!$%&|<>~""'])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"(?<![\w*])\*([^\s*][^*]{0,60}?)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:-\s*)?(?:[0-9]{1,3}|[ivx]{1,5})\s*(?:-\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LonePageNumber();

    [GeneratedRegex(@"^\s*(?:-\s*)?page\s+[0-9]{1,3}(?:\s+of\s+[0-9]{1,3})?\s*(?:-\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageOf();

    [GeneratedRegex(@"^\s*[-–—(\[]*\s*(?:financials?|tables?|financial (?:tables|statements)|more)\s+(?:follow|to follow)s?\s*[-–—)\]]*\s*$|^\s*[-–—(]\s*more\s*[-–—)]\s*$|^\s*#{3}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FollowMarker();

    [GeneratedRegex(@"^\s*</?(?:page|table|c|s|fn|caption)>\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SgmlLayoutTag();

    [GeneratedRegex(@"\b(?:reports?|announces?|posts?)\b.*\b(?:results|quarter|earnings)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLike();

    public static string Unescape(string line)
    {
        if (line.IndexOfAny(['\\', '*', '>']) < 0)
        {
            return line;
        }

        line = line.TrimStart().StartsWith('>') ? line.TrimStart()[1..].TrimStart() : line;
        line = MarkdownEscape().Replace(line, "$1");
        return Emphasis().Replace(line, "$1");
    }

    public static bool IsPageArtifact(string line) =>
        line.Length < 60 && (LonePageNumber().IsMatch(line) || PageOf().IsMatch(line) || FollowMarker().IsMatch(line) || SgmlLayoutTag().IsMatch(line));

    public static List<TextLine> Normalize(string text, List<Diagnostic>? diagnostics = null)
    {
        var raw = text.Split('\n');
        var lines = new List<TextLine>(raw.Length);
        var artifactAt = new List<int>();
        for (var i = 0; i < raw.Length; i++)
        {
            var t = Unescape(raw[i].TrimEnd());
            if (IsPageArtifact(t))
            {
                artifactAt.Add(lines.Count);
                continue;
            }

            lines.Add(new TextLine(i + 1, t));
        }

        RemoveRunningHeaders(lines, artifactAt, diagnostics);
        return lines;
    }

    /// <summary>
    /// A running header is a short line printed next to a page break that repeats the release's title
    /// (or itself, page after page). Lines that merely sit next to a page number, such as a real
    /// heading at the top of a page, are kept.
    /// </summary>
    private static void RemoveRunningHeaders(List<TextLine> lines, List<int> artifactAt, List<Diagnostic>? diagnostics)
    {
        if (artifactAt.Count == 0)
        {
            return;
        }

        var title = lines.Where(l => l.Text.Length < 200 && TitleLike().IsMatch(l.Text)).Select(l => l.Text).FirstOrDefault();
        var titleWords = title is null ? [] : Words(title);
        var drop = new SortedSet<int>();
        // Counted once: asking per page break is quadratic in a long file (minutes at 100 MB).
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in lines)
        {
            copies[l.Trimmed] = copies.GetValueOrDefault(l.Trimmed) + 1;
        }

        foreach (var at in artifactAt)
        {
            foreach (var idx in Neighbours(lines, at))
            {
                var t = lines[idx].Trimmed;
                if (t.Length is 0 or > 120 || t.Contains('\t'))
                {
                    continue;
                }

                var words = Words(t);
                var similarToTitle = titleWords.Count > 0 && words.Count >= 3 && Overlap(words, titleWords) >= 0.6 && !string.Equals(t, title?.Trim(), StringComparison.Ordinal);
                var repeated = copies[t] >= 2 && !t.EndsWith(':');
                if (similarToTitle || repeated)
                {
                    drop.Add(idx);
                }
            }
        }

        foreach (var idx in drop)
        {
            diagnostics?.Add(new Diagnostic(Severity.Info, "page-header", $"dropped running header \"{lines[idx].Trimmed}\"", lines[idx].Number));
        }

        var kept = lines.Where((_, i) => !drop.Contains(i)).ToList();
        lines.Clear();
        lines.AddRange(kept);
    }

    /// <summary>The nearest non-blank line on each side of a removed artifact.</summary>
    private static IEnumerable<int> Neighbours(List<TextLine> lines, int at)
    {
        for (var i = at - 1; i >= 0 && i >= at - 3; i--)
        {
            if (!lines[i].IsBlank)
            {
                yield return i;
                break;
            }
        }

        for (var i = at; i < lines.Count && i <= at + 2; i++)
        {
            if (!lines[i].IsBlank)
            {
                yield return i;
                break;
            }
        }
    }

    internal static HashSet<string> Words(string s) =>
        [.. Word().Matches(s.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 1 || char.IsDigit(w[0]))];

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Count;

    /// <summary>A run of lower-case letters and digits: a word of text already lower-cased.</summary>
    [GeneratedRegex(@"[a-z0-9]+")]
    internal static partial Regex Word();
}
