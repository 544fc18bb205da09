using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FilingTui.Core.Formats;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// HTML to the text the pipeline reads: each block on its own line with a blank line between paragraphs, and each
/// table row of a numeric table as tab-separated cells (a "$" cell joined to its number, a ")" or "%" cell to the
/// number before it, percentage columns such as "% of Revenues" and "% Increase" left out because they are not periods).
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "noscript", "template", "object", "svg", "ix:header" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "blockquote", "hr", "section", "article",
        "address", "dl", "dt", "dd", "caption", "body", "form", "header", "footer", "figure", "figcaption", "main", "nav", "aside",
    };

    [GeneratedRegex(@"<(?:html|body|p|div|table|font|br|span)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"display\s*:\s*none", RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"[\s\u00A0\u200B]+")]
    private static partial Regex Space();

    /// <summary>
    /// A document that opens as HTML (a doctype, an html, head or body tag), or whose first 4 KB are mostly markup,
    /// or that has an html or body tag further on (a page behind a long head or a text preamble).
    /// </summary>
    public static bool LooksLikeHtml(string text)
    {
        var t = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || StartsWithTag(t, "html") || StartsWithTag(t, "head") || StartsWithTag(t, "body"))
        {
            return true;
        }

        var head = text.Length > 4096 ? text[..4096] : text;
        return HtmlTag().Matches(head).Count >= 3 || HasTag(text, "<html") || HasTag(text, "<body");
    }

    private static bool StartsWithTag(ReadOnlySpan<char> t, string name) =>
        t.Length > name.Length + 1 && t[0] == '<' && t[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase) && t[name.Length + 1] is '>' or ' ' or '\t' or '\r' or '\n';

    /// <summary>An opening tag anywhere: "&lt;body" followed by "&gt;" or a space, not a word that starts so.</summary>
    private static bool HasTag(string text, string open)
    {
        for (var at = text.IndexOf(open, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(open, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + open.Length;
            if (next < text.Length && text[next] is '>' or ' ' or '\t' or '\r' or '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The page as text: prose lines, and each table as rows of cells apart by tabs.</summary>
    public static string Render(string html) => new SourceDocument("html", Read(html)).Render();

    /// <summary>The page's prose and tables in order, the page's chrome left out.</summary>
    public static List<SourceBlock> Read(string html)
    {
        var document = new HtmlParser().ParseDocument(NestingLimit.Apply(html));
        var writer = new Writer();
        if (document.Body is IElement body)
        {
            var weights = TextWeights.Of(body, Invisible);
            Walk(ContentRoot(body, weights), writer, weights);
        }

        return writer.Blocks();
    }

    private static bool Invisible(IElement e) =>
        Skipped.Contains(e.LocalName) || e.NodeName.Equals("IX:HEADER", StringComparison.OrdinalIgnoreCase) || (e.GetAttribute("style") is string style && style.Length < 2000 && Hidden().IsMatch(style));

    /// <summary>
    /// The element a page marks as its content (main, role="main", or its one article), when it holds most of the
    /// page's text; else the body. A list page's articles are teasers of other pages, too small to be chosen.
    /// </summary>
    private static IElement ContentRoot(IElement body, TextWeights weights)
    {
        foreach (var candidate in body.QuerySelectorAll("main, [role=main], article").Take(8))
        {
            if (weights.Share(candidate) > 0.5)
            {
                return candidate;
            }
        }

        return body;
    }

    /// <summary>Depth-first over the page without recursion: a frame is an element entered, or one to close.</summary>
    private static void Walk(IElement root, Writer w, TextWeights weights)
    {
        var seen = new HashSet<ulong>();
        var stack = new Stack<(INode Node, bool Exit)>();
        Children(root, stack);
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                w.Inline(text.Data);
                continue;
            }

            if (node is not IElement e)
            {
                continue;
            }

            if (exit)
            {
                Close(e, w);

                // Remembered once closed, so its own descendants (the same text) are not taken for copies of it.
                if (weights.Length(e) >= MinCopyLength)
                {
                    seen.Add(weights.Hash(e));
                }

                continue;
            }

            if (Invisible(e))
            {
                continue;
            }

            if (PageChrome.IsChrome(e, weights.Share(e)))
            {
                // A heading of the page's title kept even where a site prints it in its banner.
                foreach (var h1 in e.QuerySelectorAll("h1"))
                {
                    w.Paragraph();
                    w.Inline(h1.TextContent);
                    w.Paragraph();
                }

                continue;
            }

            if (weights.Length(e) >= MinCopyLength && seen.Contains(weights.Hash(e)))
            {
                continue;
            }

            if (Open(e, w))
            {
                stack.Push((e, true));
                Children(e, stack);
            }
        }
    }

    /// <summary>
    /// A block this long printed again word for word is a copy (a layout for another screen size); a footnote
    /// repeated under several tables is shorter and stays.
    /// </summary>
    private const int MinCopyLength = 1000;

    private static void Children(IElement e, Stack<(INode Node, bool Exit)> stack)
    {
        var children = e.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IText or IElement)
            {
                stack.Push((children[i], false));
            }
        }
    }

    /// <summary>What an element starts; false when it was written whole (a table, preformatted text, a line break).</summary>
    private static bool Open(IElement e, Writer w)
    {
        switch (e.LocalName)
        {
            case "br":
                if (EndsLeadingBold(e))
                {
                    w.Paragraph();
                }
                else
                {
                    w.EndLine();
                }

                return false;
            case "pre" or "plaintext" or "xmp":
                w.Paragraph();
                w.Verbatim(e.TextContent);
                w.Paragraph();
                return false;
            case "table":
                Table(e, w);
                return false;
            case "tr":
                w.EndLine();
                return true;
            case "td" or "th":
                w.Inline(" ");
                return true;
        }

        if (Blocks.Contains(e.LocalName))
        {
            w.EndLine();
        }

        return true;
    }

    private static void Close(IElement e, Writer w)
    {
        var name = e.LocalName;
        if (name == "tr")
        {
            w.EndLine();
        }
        else if (name is "td" or "th")
        {
            w.Inline(" ");
        }
        else if (Blocks.Contains(name))
        {
            if (name is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "center" or "blockquote" || (name == "div" && HasOwnText(e)))
            {
                w.Paragraph();
            }
            else
            {
                w.EndLine();
            }
        }
    }

    /// <summary>
    /// "&lt;p&gt;&lt;strong&gt;Outlook&lt;/strong&gt;&lt;br&gt;NVIDIA's outlook ...": a bold run that opens its block and
    /// ends on a line break is the block's heading, so it is a paragraph of its own.
    /// </summary>
    private static bool EndsLeadingBold(IElement br)
    {
        var bold = Sibling(br, back: true);
        return bold is IElement { LocalName: "strong" or "b" } && Sibling(bold, back: true) is null && bold.TextContent.Trim().Length is > 0 and < 120;
    }

    /// <summary>The nearest sibling that is not blank text, within a few nodes.</summary>
    private static INode? Sibling(INode node, bool back)
    {
        var n = back ? node.PreviousSibling : node.NextSibling;
        for (var i = 0; n is not null && i < 8; i++, n = back ? n.PreviousSibling : n.NextSibling)
        {
            if (n is not IText t || !string.IsNullOrWhiteSpace(t.Data.Replace('\u00A0', ' ')))
            {
                return n;
            }
        }

        return null;
    }

    private static bool HasOwnText(IElement e) => e.ChildNodes.OfType<IText>().Any(t => !string.IsNullOrWhiteSpace(t.Data.Replace('\u00A0', ' ')));

    /// <summary>A cell at its grid column; <see cref="Tokens"/> is its text read as numbers once, after merging.</summary>
    private sealed record Cell(int Column, int Span, string Text, List<ValueToken>? Tokens = null)
    {
        public bool IsValue => Tokens is { Count: > 0 };

        public bool IsPercent => IsValue && Tokens!.All(t => t.IsPercent);
    }

    private static void Table(IElement table, Writer w)
    {
        var rows = new List<List<Cell>>();
        foreach (var tr in Rows(table))
        {
            var cells = new List<Cell>();
            var column = 0;
            foreach (var td in tr.Children.Where(c => c.LocalName is "td" or "th"))
            {
                var span = int.TryParse(td.GetAttribute("colspan"), out var s) && s is > 0 and < 1000 ? s : 1;
                var text = CellText(td);
                if (text.Length > 0)
                {
                    cells.Add(new Cell(column, span, text));
                }

                column += span;
            }

            rows.Add([.. Merge(cells).Select(c => c with { Tokens = ValueTokens.ParseCell(c.Text) })]);
        }

        var lines = new List<IReadOnlyList<string>>();
        var numeric = rows.Any(r => r.Skip(1).Any(c => c.IsValue));
        if (!numeric)
        {
            // A table used for layout (bullets, side-by-side captions): its rows are lines, cells apart by a tab.
            lines.AddRange(rows.Where(r => r.Count > 0).Select(r => r.Select(c => c.Text).ToList()));
            w.Table(lines);
            return;
        }

        var percent = PercentColumns(rows, out var amounts, out var amountStarts);
        var data = new HashSet<int>(amounts);
        data.UnionWith(percent);
        var fields = amountStarts.Order().Select((column, i) => (column, i)).ToDictionary(p => p.column, p => p.i + 1);
        foreach (var row in rows.Where(r => r.Count > 0))
        {
            // The stub cell left of the numbers is the label; a first cell standing over number columns is a header.
            var labelled = !row[0].IsValue && !Covers(row[0], data);
            var kept = row.Skip(labelled ? 1 : 0).Where(c => !Dropped(c, percent, amounts)).ToList();
            if (labelled && AmountsOnly(kept, fields))
            {
                lines.Add(FieldCells(row[0].Text, kept, fields));
            }
            else if (!labelled && kept is [{ Column: 0, IsValue: false } caption] && Covers(caption, data))
            {
                // A caption across the whole table (its title, "(In millions, except per share data)") reads as a
                // line of its own, as it would above a printed table; a header over the number columns keeps its place.
                lines.Add([caption.Text]);
            }
            else if (labelled || kept.Count > 0)
            {
                lines.Add([.. kept.Select(c => c.Text).Prepend(labelled ? row[0].Text : "")]);
            }
        }

        w.Table(lines);
    }

    /// <summary>Whether every kept cell is a number in an amount column of its own.</summary>
    private static bool AmountsOnly(List<Cell> kept, Dictionary<int, int> fields) =>
        kept.Count > 0 && kept.All(c => c.IsValue && fields.ContainsKey(c.Column)) && kept.Select(c => c.Column).Distinct().Count() == kept.Count;

    /// <summary>
    /// A row of numbers with one cell per amount column, empty where the cell is blank: a reconciliation row printing
    /// "1.16" and "1.54" under GAAP and Non-GAAP keeps the blank Adjustments column between them.
    /// </summary>
    private static List<string> FieldCells(string label, List<Cell> kept, Dictionary<int, int> fields)
    {
        var cells = new List<string> { label };
        foreach (var c in kept.OrderBy(c => c.Column))
        {
            while (cells.Count < fields[c.Column])
            {
                cells.Add("");
            }

            cells.Add(c.Text);
        }

        return cells;
    }

    /// <summary>Rows in order, looking through thead/tbody/tfoot but not into nested tables.</summary>
    private static IEnumerable<IElement> Rows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr")
            {
                yield return child;
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var tr in child.Children.Where(c => c.LocalName == "tr"))
                {
                    yield return tr;
                }
            }
        }
    }

    /// <summary>A cell's visible text, spaces collapsed; a nested table or block inside it reads as words apart.</summary>
    private static string CellText(IElement td)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        for (var i = td.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push(td.ChildNodes[i]);
        }

        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                sb.Append(t.Data);
            }
            else if (n is IElement e && !Invisible(e))
            {
                if (e.LocalName is "br" or "td" or "th" or "tr" || Blocks.Contains(e.LocalName))
                {
                    sb.Append(' ');
                }

                for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(e.ChildNodes[i]);
                }
            }
        }

        return Space().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>"$" + "7,612" and "(1,087" + ")" as single cells placed at the number's column (the row's first cell is its label).</summary>
    private static List<Cell> Merge(List<Cell> cells) => CellJoin.Merge(cells, c => c.Text, (c, t) => c with { Text = t }, leadingLabels: 1);

    /// <summary>
    /// Columns whose numbers are percentages; <paramref name="amounts"/> gets the columns holding other numbers, every
    /// column a number's cell spans ("$44,062" over two grid columns, a "60.5%" under the second), and
    /// <paramref name="starts"/> the columns such cells start at, one per printed amount column.
    /// </summary>
    private static HashSet<int> PercentColumns(List<List<Cell>> rows, out HashSet<int> amounts, out HashSet<int> starts)
    {
        var percent = new HashSet<int>();
        amounts = [];
        starts = [];
        foreach (var row in rows)
        {
            foreach (var c in row.Skip(1))
            {
                if (c.IsPercent)
                {
                    percent.Add(c.Column);
                }
                else if (c.IsValue && c.Tokens!.Any(t => !t.LooksLikeYear))
                {
                    starts.Add(c.Column);
                    for (var i = c.Column; i < c.Column + c.Span; i++)
                    {
                        amounts.Add(i);
                    }
                }
            }
        }

        percent.ExceptWith(amounts);
        return percent;
    }

    private static bool Covers(Cell c, HashSet<int> columns)
    {
        for (var i = c.Column; i < c.Column + c.Span; i++)
        {
            if (columns.Contains(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A percentage, or a header or note cell ("% of Revenues", "NM") that stands only over percentage columns.</summary>
    private static bool Dropped(Cell c, HashSet<int> percent, HashSet<int> amounts)
    {
        if (c.IsPercent)
        {
            return true;
        }

        if (Covers(c, amounts))
        {
            return false;
        }

        return c.Text.Contains('%') || Covers(c, percent);
    }

    /// <summary>
    /// Builds blocks: inline text joins with single spaces into prose lines, paragraphs are apart by one blank line,
    /// and a table is a block of its own (its rendering puts the blank lines around it).
    /// </summary>
    private sealed class Writer
    {
        private readonly List<SourceBlock> _blocks = [];
        private List<string> _prose = [];
        private readonly StringBuilder _line = new();
        private bool _blank = true;

        public void Inline(string text)
        {
            var t = Space().Replace(text, " ");
            if (t.Length == 0 || (t == " " && (_line.Length == 0 || _line[^1] == ' ')))
            {
                return;
            }

            if (_line.Length == 0 || _line[^1] == ' ')
            {
                t = t.TrimStart();
            }

            _line.Append(t);
        }

        public void EndLine()
        {
            var text = _line.ToString().Trim();
            _line.Clear();
            if (text.Length > 0)
            {
                _prose.Add(text);
                _blank = false;
            }
        }

        public void Paragraph()
        {
            EndLine();
            if (!_blank)
            {
                _prose.Add("");
                _blank = true;
            }
        }

        public void Table(List<IReadOnlyList<string>> rows)
        {
            EndLine();
            if (rows.Count == 0)
            {
                return;
            }

            if (_prose.Count > 0 && _prose[^1].Length == 0)
            {
                _prose.RemoveAt(_prose.Count - 1);
            }

            if (_prose.Count > 0)
            {
                _blocks.Add(new ProseBlock(_prose));
                _prose = [];
            }

            _blocks.Add(new TableBlock(rows));
            _blank = true;
        }

        public void Verbatim(string text)
        {
            foreach (var l in text.Replace("\r", "").Split('\n'))
            {
                _prose.Add(l.Replace('\u00A0', ' ').TrimEnd());
            }

            _blank = false;
        }

        public List<SourceBlock> Blocks()
        {
            EndLine();
            if (_prose.Count > 0)
            {
                _blocks.Add(new ProseBlock(_prose));
                _prose = [];
            }

            return _blocks;
        }
    }
}
