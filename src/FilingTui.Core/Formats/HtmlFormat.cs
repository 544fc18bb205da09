using FilingTui.Core.Import.Edgar;
using FilingTui.Core.Model;

namespace FilingTui.Core.Formats;

/// <summary>An HTML exhibit or a whole web page: its prose and its tables of cells, the page's chrome left out.</summary>
internal sealed class HtmlFormat : ISourceFormat
{
    public string Name => "html";

    public bool Recognises(string text) => HtmlText.LooksLikeHtml(text);

    public SourceDocument Read(string text, List<Diagnostic> diagnostics) => new(Name, HtmlText.Read(text));
}
