using FilingTui.Core.Model;

namespace FilingTui.Core.Formats;

/// <summary>The formats a filing can come in, most specific first: plain text claims whatever the others do not.</summary>
public static class SourceFormats
{
    internal static readonly ISourceFormat[] All = [new EdgarSubmissionFormat(), new HtmlFormat(), new MarkdownFormat(), new PlainTextFormat()];

    /// <summary>
    /// The document of the first format that recognises the text, with the tables a scrape flattened (into one line,
    /// or one cell per line) rebuilt from its prose, whichever format carried them.
    /// </summary>
    public static SourceDocument Read(string text, List<Diagnostic> diagnostics)
    {
        var document = All.First(f => f.Recognises(text)).Read(text, diagnostics);
        var blocks = ScrapedTables.Rebuild(document.Blocks);
        return ReferenceEquals(blocks, document.Blocks) ? document : document with { Blocks = blocks };
    }
}
