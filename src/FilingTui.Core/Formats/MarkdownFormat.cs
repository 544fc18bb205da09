using System.Text;
using System.Text.RegularExpressions;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FilingTui.Core.Formats;

/// <summary>
/// A Markdown document (CommonMark with pipe tables, as newswire copies and news sites store releases): YAML front
/// matter gives the title and date; paragraphs, headings and list items are prose with their emphasis, escapes and
/// links taken out; a fenced or indented code block goes to the text table reader line for line (wire copies print
/// fixed-width statements in them); a pipe table becomes table rows of joined cells (<see cref="MarkdownTable"/>).
/// </summary>
internal sealed partial class MarkdownFormat : ISourceFormat
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public string Name => "markdown";

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n){0,200}?---[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^[ \t]{0,3}[A-Za-z_][\w-]*:(?:[ \t]|$)", RegexOptions.Multiline)]
    private static partial Regex YamlKey();

    /// <summary>A pipe table's delimiter row, "| --- | :---: |", under a row of cells.</summary>
    [GeneratedRegex(@"^[ \t]{0,3}\|[^\n]*\|[ \t]*\r?\n[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex PipeTable();

    /// <summary>A fenced code block: an opening fence and a closing one of the same kind.</summary>
    [GeneratedRegex(@"^[ \t]{0,3}(?<f>`{3,}|~{3,})[^\n`]*\r?\n(?:[^\n]*\n)*?[ \t]{0,3}\k<f>[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^(?<key>title|date):[ \t]*(?<value>.*?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex TitleOrDate();

    /// <summary>
    /// What only Markdown has: front matter of "key: value" lines between "---" lines at the very start, a pipe
    /// table's delimiter row, a closed code fence, or several ATX headings ("# Title"). Plain text prints none of
    /// these; one "#" line (a scraped copy's title over text whose layout is its own) is not enough.
    /// </summary>
    public bool Recognises(string text)
    {
        var head = text.Length > 8192 ? text[..8192] : text;
        if (FrontMatter().Match(head) is { Success: true } fm && YamlKey().IsMatch(fm.Value))
        {
            return true;
        }

        if (PipeTable().IsMatch(text) || Fence().IsMatch(text))
        {
            return true;
        }

        return AtxHeading().Count(head) >= 2;
    }

    public SourceDocument Read(string text, List<Diagnostic> diagnostics)
    {
        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<SourceBlock>();
        var prose = new List<string>();
        string? title = null;
        string? date = null;

        void Flush()
        {
            if (prose.Count > 0)
            {
                blocks.Add(new ProseBlock([.. prose]));
                prose = [];
            }
        }

        void Paragraph(IEnumerable<string> lines)
        {
            if (prose.Count > 0 && prose[^1].Length > 0)
            {
                prose.Add("");
            }

            prose.AddRange(lines);
        }

        void Walk(ContainerBlock container, string bullet)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case YamlFrontMatterBlock yaml:
                        foreach (Match m in TitleOrDate().Matches(yaml.Lines.ToString()))
                        {
                            var value = Unquote(m.Groups["value"].Value);
                            if (m.Groups["key"].Value == "title")
                            {
                                title ??= value;
                            }
                            else
                            {
                                date ??= value;
                            }
                        }

                        break;
                    case Table table:
                        Flush();
                        blocks.AddRange(MarkdownTable.Read(table));
                        break;
                    case CodeBlock code:
                        // Verbatim: a fixed-width statement's columns are its spaces.
                        Paragraph(code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString().TrimEnd()));
                        if (prose.Count > 0 && prose[^1].Length > 0)
                        {
                            prose.Add("");
                        }

                        break;
                    case HeadingBlock heading:
                        Paragraph(Lines(heading.Inline));
                        break;
                    case ParagraphBlock paragraph:
                        var lines = Lines(paragraph.Inline);
                        if (bullet.Length > 0 && lines.Count > 0)
                        {
                            lines[0] = bullet + lines[0];
                            bullet = "";
                        }

                        Paragraph(lines);
                        break;
                    case ListBlock list:
                        var n = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                        foreach (var item in list.OfType<ListItemBlock>())
                        {
                            Walk(item, list.IsOrdered ? $"{n++}. " : "• ");
                        }

                        break;
                    case ContainerBlock inner:
                        Walk(inner, bullet);
                        break;
                    case LeafBlock leaf when leaf is not ThematicBreakBlock && leaf.Lines.Count > 0:
                        // HTML blocks and anything else Markdig keeps as raw lines.
                        Paragraph(leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.Slice.ToString().TrimEnd()));
                        break;
                }
            }
        }

        Walk(document, "");
        Flush();
        return new SourceDocument(Name, blocks) { Title = title, Date = date };
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1].Replace("\\\"", "\"") : value;

    /// <summary>An inline run as lines of plain text: emphasis, link targets, images and inline HTML left out.</summary>
    /// <remarks>
    /// A prose line keeps its runs of spaces: copies that put a text table in paragraphs have its columns there.
    /// A table cell's (<paramref name="collapse"/>) are one space.
    /// </remarks>
    internal static List<string> Lines(ContainerInline? inline, bool collapse = false)
    {
        var sb = new StringBuilder();
        Collect(inline, sb);
        return [.. sb.ToString().Split('\n').Select(l => l.Replace('\u200B', ' ').Replace('\u00A0', ' ')).Select(l => (collapse ? Whitespace.Collapse(l) : l).Trim()).Where(l => l.Length > 0)];
    }

    private static void Collect(Inline? inline, StringBuilder sb)
    {
        switch (inline)
        {
            case null:
                return;
            case LinkInline { IsImage: true }:
                return;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Collect(child, sb);
                }

                return;
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                return;
            case CodeInline code:
                sb.Append(code.Content);
                return;
            case AutolinkInline auto:
                sb.Append(auto.Url);
                return;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                return;
            case LineBreakInline:
                sb.Append('\n');
                return;
            case HtmlInline html when html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase):
                sb.Append('\n');
                return;
        }
    }
}
