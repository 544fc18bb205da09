using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
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

    [GeneratedRegex(@"^(?:\$|US\$|C\$|€|£|¥|\(|\$\s*\()$")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:\)|%|\)%|%\)|\)\s*%|pts?\.?|bps)$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return HtmlTag().Matches(head).Count >= 3;
    }

    public static string Render(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new Writer();
        if (document.Body is IElement body)
        {
            Walk(body, writer);
        }

        writer.EndLine();
        return writer.ToString();
    }

    private static void Walk(INode node, Writer w)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    w.Inline(text.Data);
                    break;
                case IElement e:
                    Element(e, w);
                    break;
            }
        }
    }

    private static void Element(IElement e, Writer w)
    {
        var name = e.LocalName;
        if (Skipped.Contains(name) || e.NodeName.Equals("IX:HEADER", StringComparison.OrdinalIgnoreCase) || (e.GetAttribute("style") is string style && Hidden().IsMatch(style)))
        {
            return;
        }

        switch (name)
        {
            case "br":
                w.EndLine();
                return;
            case "pre" or "plaintext" or "xmp":
                w.Paragraph();
                w.Verbatim(e.TextContent);
                w.Paragraph();
                return;
            case "table":
                w.Paragraph();
                Table(e, w);
                w.Paragraph();
                return;
            case "tr":
                w.EndLine();
                Walk(e, w);
                w.EndLine();
                return;
            case "td" or "th":
                w.Inline(" ");
                Walk(e, w);
                w.Inline(" ");
                return;
        }

        if (Blocks.Contains(name))
        {
            w.EndLine();
            Walk(e, w);
            if (name is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "center" or "blockquote" || (name == "div" && HasOwnText(e)))
            {
                w.Paragraph();
            }
            else
            {
                w.EndLine();
            }

            return;
        }

        Walk(e, w);
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

        var numeric = rows.Any(r => r.Skip(1).Any(c => c.IsValue));
        if (!numeric)
        {
            // A table used for layout (bullets, side-by-side captions): its rows are lines, cells apart by a tab.
            foreach (var row in rows.Where(r => r.Count > 0))
            {
                w.Line(string.Join("\t", row.Select(c => c.Text)));
            }

            return;
        }

        var percent = PercentColumns(rows, out var amounts);
        var data = new HashSet<int>(amounts);
        data.UnionWith(percent);
        var fields = amounts.Order().Select((column, i) => (column, i)).ToDictionary(p => p.column, p => p.i + 1);
        foreach (var row in rows.Where(r => r.Count > 0))
        {
            // The stub cell left of the numbers is the label; a first cell standing over number columns is a header.
            var labelled = !row[0].IsValue && !Covers(row[0], data);
            var kept = row.Skip(labelled ? 1 : 0).Where(c => !Dropped(c, percent, amounts)).ToList();
            if (labelled && AmountsOnly(kept, fields))
            {
                w.Line(FieldLine(row[0].Text, kept, fields));
            }
            else if (labelled || kept.Count > 0)
            {
                w.Line(string.Join("\t", kept.Select(c => c.Text).Prepend(labelled ? row[0].Text : "")));
            }
        }
    }

    /// <summary>Whether every kept cell is a number in an amount column of its own.</summary>
    private static bool AmountsOnly(List<Cell> kept, Dictionary<int, int> fields) =>
        kept.Count > 0 && kept.All(c => c.IsValue && fields.ContainsKey(c.Column)) && kept.Select(c => c.Column).Distinct().Count() == kept.Count;

    /// <summary>
    /// A row of numbers with one tab-separated field per amount column, empty where the cell is blank: a reconciliation
    /// row printing "1.16" and "1.54" under GAAP and Non-GAAP keeps the blank Adjustments column between them.
    /// </summary>
    private static string FieldLine(string label, List<Cell> kept, Dictionary<int, int> fields)
    {
        var line = new StringBuilder(label);
        var at = 0;
        foreach (var c in kept.OrderBy(c => c.Column))
        {
            var field = fields[c.Column];
            line.Append('\t', field - at).Append(c.Text);
            at = field;
        }

        return line.ToString();
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

    private static string CellText(IElement td)
    {
        var sb = new StringBuilder();
        void Collect(INode n)
        {
            foreach (var c in n.ChildNodes)
            {
                if (c is IText t)
                {
                    sb.Append(t.Data);
                }
                else if (c is IElement e && !Skipped.Contains(e.LocalName) && !(e.GetAttribute("style") is string st && Hidden().IsMatch(st)))
                {
                    if (e.LocalName == "br" || Blocks.Contains(e.LocalName))
                    {
                        sb.Append(' ');
                    }

                    Collect(e);
                }
            }
        }

        Collect(td);
        return Space().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>"$" + "7,612" and "(1,087" + ")" as single cells placed at the number's column.</summary>
    private static List<Cell> Merge(List<Cell> cells)
    {
        var merged = new List<Cell>(cells.Count);
        string? prefix = null;
        foreach (var c in cells)
        {
            if (Prefix().IsMatch(c.Text) && merged.Count > 0)
            {
                prefix = (prefix ?? "") + c.Text;
                continue;
            }

            if (Suffix().IsMatch(c.Text) && merged.Count > 1)
            {
                var last = merged[^1];
                merged[^1] = last with { Text = last.Text + c.Text.Replace(" ", "") };
                continue;
            }

            merged.Add(prefix is null ? c : c with { Text = prefix + c.Text });
            prefix = null;
        }

        return merged;
    }

    /// <summary>Columns whose numbers are percentages; <paramref name="amounts"/> gets the columns holding other numbers.</summary>
    private static HashSet<int> PercentColumns(List<List<Cell>> rows, out HashSet<int> amounts)
    {
        var percent = new HashSet<int>();
        amounts = [];
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
                    amounts.Add(c.Column);
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

    /// <summary>Builds lines: inline text joins with single spaces; paragraphs are separated by one blank line.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _out = new();
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
                _out.Append(text).Append('\n');
                _blank = false;
            }
        }

        public void Line(string text)
        {
            EndLine();
            _out.Append(text).Append('\n');
            _blank = false;
        }

        public void Paragraph()
        {
            EndLine();
            if (!_blank)
            {
                _out.Append('\n');
                _blank = true;
            }
        }

        public void Verbatim(string text)
        {
            foreach (var l in text.Replace("\r", "").Split('\n'))
            {
                _out.Append(l.Replace('\u00A0', ' ').TrimEnd()).Append('\n');
            }

            _blank = false;
        }

        public override string ToString() => _out.ToString();
    }
}
