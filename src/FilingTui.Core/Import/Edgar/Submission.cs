namespace FilingTui.Core.Import.Edgar;

/// <summary>One &lt;DOCUMENT&gt; of an EDGAR submission: its type ("8-K", "EX-99.1", "GRAPHIC"), names and body.</summary>
public sealed record SubmissionDocument(string Type, int? Sequence, string? FileName, string? Description, string Body, bool IsBinary)
{
    /// <summary>HTML by its file name or by its first tag; plain-text exhibits keep their fixed-width layout.</summary>
    public bool IsHtml =>
        FileName is string f && (f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        || HtmlText.LooksLikeHtml(Body);

    public bool IsExhibit99 => Type.StartsWith("EX-99", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An EDGAR full submission: the header's fields and the documents it carries.</summary>
public sealed class Submission
{
    /// <summary>Header fields by name ("COMPANY CONFORMED NAME", "BUSINESS ADDRESS/CITY"); repeated fields keep every value.</summary>
    public Dictionary<string, List<string>> Header { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<SubmissionDocument> Documents { get; } = [];

    /// <summary>The document the file stops inside, with no &lt;/DOCUMENT&gt; after it: a download or copy cut short.</summary>
    public SubmissionDocument? CutOff { get; set; }

    public string? this[string field] => Header.TryGetValue(field, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> All(string field) => Header.TryGetValue(field, out var v) ? v : [];
}
