using FilingTui.Core.Model;

namespace FilingTui.Core.Formats;

/// <summary>
/// One input format (an EDGAR submission, HTML, Markdown, plain text). It says whether it recognises a decoded text
/// and turns it into the one intermediate form the later passes read, so they never know which format a filing came
/// in. A new format is one new class here and one line in <see cref="SourceFormats.All"/>.
/// </summary>
public interface ISourceFormat
{
    /// <summary>The name stored with the filing and shown in diagnostics ("html", "markdown").</summary>
    string Name { get; }

    /// <summary>Whether the text is in this format. Called in <see cref="SourceFormats.All"/>'s order; the first yes wins.</summary>
    bool Recognises(string text);

    /// <summary>The document's prose and tables. Never throws on bad input: what cannot be read is a diagnostic.</summary>
    SourceDocument Read(string text, List<Diagnostic> diagnostics);
}
