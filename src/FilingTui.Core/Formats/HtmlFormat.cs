using FilingTui.Core.Import.Edgar;
using FilingTui.Core.Model;

namespace FilingTui.Core.Formats;

/// <summary>An HTML exhibit or a whole web page.</summary>
internal sealed class HtmlFormat : ISourceFormat
{
    public string Name => "html";

    public bool Recognises(string text) => HtmlText.LooksLikeHtml(text);

    public SourceDocument Read(string text, List<Diagnostic> diagnostics) => SourceDocument.OfText(Name, HtmlText.Render(text));
}
