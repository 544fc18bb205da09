using System.Text;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// Markup nested past any real document's depth, flattened before the HTML parser sees it. The parser's tree
/// construction looks down its stack of open elements at each tag, so twenty thousand nested &lt;div&gt; or
/// &lt;ul&gt;&lt;li&gt; take seconds to minutes; browsers cap the depth for the same reason. Past
/// <see cref="MaxDepth"/> open elements, further start and end tags are left out and their text kept, so the words
/// stay and only the structure deeper than that is lost. Elements whose end tag may be left out (p, li, td, ...)
/// are not counted: a list of unclosed items is not deep.
/// </summary>
internal static class NestingLimit
{
    public const int MaxDepth = 128;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements: they never open.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",

        // End tags the document may leave out: the parser closes them by itself, so they do not nest.
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    };

    /// <summary>Elements whose content is text up to their end tag: a tag written inside them is not a tag.</summary>
    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "noscript", "plaintext", "template"];

    public static string Apply(string html)
    {
        StringBuilder? kept = null;
        var copiedTo = 0;
        var depth = 0;
        var at = html.IndexOf('<');
        while (at >= 0 && at < html.Length - 1)
        {
            if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                at = close < 0 ? -1 : html.IndexOf('<', close + 3);
                continue;
            }

            var isEnd = html[at + 1] == '/';
            var nameStart = at + (isEnd ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                at = html.IndexOf('<', at + 1);
                continue;
            }

            // No '>' after this one means no tag after it either.
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (!isEnd && RawTextName(name) is string raw)
            {
                var close = html.IndexOf("</" + raw, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
                at = close < 0 ? -1 : close;
                if (close >= 0)
                {
                    at = html.IndexOf('>', close) is var gt && gt >= 0 ? html.IndexOf('<', gt + 1) : -1;
                }

                continue;
            }

            var counted = !Uncounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && html[tagEnd - 1] != '/';
            if (counted)
            {
                var drop = isEnd ? depth > MaxDepth : depth >= MaxDepth;
                depth = isEnd ? Math.Max(0, depth - 1) : depth + 1;
                if (drop)
                {
                    kept ??= new StringBuilder(html.Length);
                    kept.Append(html, copiedTo, at - copiedTo);
                    copiedTo = tagEnd + 1;
                }
            }

            at = html.IndexOf('<', tagEnd + 1);
        }

        if (kept is null)
        {
            return html;
        }

        kept.Append(html, copiedTo, html.Length - copiedTo);
        return kept.ToString();
    }

    private static string? RawTextName(ReadOnlySpan<char> name)
    {
        foreach (var raw in RawText)
        {
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
            {
                return raw;
            }
        }

        return null;
    }
}
