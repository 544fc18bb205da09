using FilingTui.Core.Model;

namespace FilingTui.Core.Formats;

/// <summary>Plain text (the samples' renderings, wire copies): what no other format claims. Its tables stay lines.</summary>
internal sealed class PlainTextFormat : ISourceFormat
{
    public string Name => "text";

    public bool Recognises(string text) => true;

    public SourceDocument Read(string text, List<Diagnostic> diagnostics) => SourceDocument.OfText(Name, text);
}
