using System.Text;
using FilingTui.Core.Import.Edgar;

namespace FilingTui.Core.Formats;

/// <summary>A run of a document: lines of prose, or a table whose cells a format has already told apart.</summary>
public abstract record SourceBlock;

/// <summary>
/// Lines as printed. A fixed-width table in plain text (or in a Markdown code block) is prose here: its columns are
/// found later, by the text table reader, from the gaps between its cells.
/// </summary>
public sealed record ProseBlock(IReadOnlyList<string> Lines) : SourceBlock;

/// <summary>
/// A table of real cells, rows by cells, in print order. An empty string is a blank cell: it keeps its place, so a
/// value stands under the column its row puts it in.
/// </summary>
public sealed record TableBlock(IReadOnlyList<IReadOnlyList<string>> Rows) : SourceBlock;

/// <summary>
/// The intermediate form every format produces: its blocks in order, and what the format itself knows of the filing
/// (an EDGAR header; a title or date stated as metadata, such as a Markdown copy's front matter).
/// </summary>
/// <param name="CoverLines">For a submission: how many rendered lines its form document (the cover) takes.</param>
/// <param name="HasRelease">For a submission: whether an exhibit carried an earnings release.</param>
public sealed record SourceDocument(string Format, IReadOnlyList<SourceBlock> Blocks, Submission? Submission = null, int? CoverLines = null, bool HasRelease = true)
{
    /// <summary>A title the format states apart from the text (front matter), used where the text's own title is missing.</summary>
    public string? Title { get; init; }

    /// <summary>A release date the format states apart from the text, as printed there.</summary>
    public string? Date { get; init; }

    /// <summary>
    /// The text the later passes read and the filing keeps: prose lines as they are, each table row as its cells
    /// apart by tabs (the text reader counts tab fields as columns), a blank line around each table.
    /// </summary>
    public string Render()
    {
        if (Blocks is [ProseBlock only])
        {
            return string.Join('\n', only.Lines);
        }

        var sb = new StringBuilder();
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case ProseBlock prose:
                    foreach (var line in prose.Lines)
                    {
                        sb.Append(line).Append('\n');
                    }

                    break;
                case TableBlock table:
                    // One blank line apart from what comes before, a table included.
                    if (!(sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n'))
                    {
                        sb.Append('\n');
                    }

                    foreach (var row in table.Rows)
                    {
                        sb.AppendJoin('\t', row).Append('\n');
                    }

                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A document of one run of text lines, as an unstructured format gives it.</summary>
    public static SourceDocument OfText(string format, string text) => new(format, [new ProseBlock(text.Split('\n'))]);
}
