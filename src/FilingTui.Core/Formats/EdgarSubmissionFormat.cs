using System.Text.RegularExpressions;
using FilingTui.Core.Import.Edgar;
using FilingTui.Core.Model;

namespace FilingTui.Core.Formats;

/// <summary>
/// An EDGAR full submission: the SGML header and its documents. The text read is the form document (the cover)
/// followed by the EX-99 exhibit that holds the results; the other documents are named in a diagnostic.
/// </summary>
internal sealed partial class EdgarSubmissionFormat : ISourceFormat
{
    private const string Format = "edgar-submission";

    public string Name => Format;

    public bool Recognises(string text) => SubmissionReader.IsSubmission(text);

    [GeneratedRegex(@"\b(?:STATEMENTS?\s+OF\s+(?:CONSOLIDATED\s+)?(?:OPERATIONS|INCOME|EARNINGS|LOSS)|INCOME\s+STATEMENTS?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OperationsTitle();

    [GeneratedRegex(@"\b(?:BALANCE\s+SHEETS?|CASH\s+FLOWS?|FINANCIAL\s+POSITION)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTitle();

    [GeneratedRegex(@"\b(?:net\s+(?:income|loss|earnings|sales|revenues?)|total\s+revenues?|per\s+(?:diluted\s+)?share|quarter|results)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultsWords();

    public SourceDocument Read(string text, List<Diagnostic> diagnostics)
    {
        var submission = SubmissionReader.Read(text);
        return FromSubmission(submission, diagnostics);
    }

    private static SourceDocument FromSubmission(Submission submission, List<Diagnostic> diagnostics)
    {
        var type = submission["CONFORMED SUBMISSION TYPE"] ?? "";
        if (submission.CutOff is SubmissionDocument cut)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "truncated", $"the file is cut short: it ends inside {DocumentName(cut)} with no </DOCUMENT> after it, so what follows in the original is missing; what is there was read"));
        }

        var readable = submission.Documents.Where(d => !d.IsBinary && d.Body.Length > 0).ToList();
        var main = readable.FirstOrDefault(d => type.Length > 0 && d.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            ?? readable.FirstOrDefault(d => !d.Type.StartsWith("EX-", StringComparison.OrdinalIgnoreCase));
        var release = PickRelease(readable);
        var used = new[] { main, release }.OfType<SubmissionDocument>().Distinct().ToList();
        if (used.Count == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "submission", $"the submission holds no readable document ({submission.Documents.Count} documents, all binary or empty)"));
            return new SourceDocument(Format, [], submission, 0, false);
        }

        var skipped = submission.Documents.Except(used).ToList();
        var binary = skipped.Count(d => d.IsBinary);
        var others = skipped.Where(d => !d.IsBinary).Select(DocumentName).ToList();
        var note = $"EDGAR submission: read {string.Join(" and ", used.Select(DocumentName))}";
        if (others.Count > 0)
        {
            note += $"; not read as the release: {string.Join(", ", others)}";
        }

        if (binary > 0)
        {
            note += $"; {binary} binary document{(binary == 1 ? "" : "s")} (images, XBRL, archives) skipped";
        }

        if (release is null)
        {
            note += "; no EX-99 exhibit, so no earnings release: its tables are not read as the company's statements";
        }

        diagnostics.Add(new Diagnostic(Severity.Info, "submission", note));
        var texts = used.Select(Render).ToList();
        int? coverLines = main is not null && main != release ? texts[0].Split('\n').Length : null;
        return new SourceDocument(Format, [new ProseBlock(string.Join("\n\n", texts).Split('\n'))], submission, coverLines, release is not null);
    }

    /// <summary>The EX-99 that holds the results: statement titles weigh most, then results vocabulary; EX-99.1 breaks ties.</summary>
    private static SubmissionDocument? PickRelease(List<SubmissionDocument> documents)
    {
        SubmissionDocument? best = null;
        var bestScore = -1;
        foreach (var d in documents.Where(d => d.IsExhibit99))
        {
            var score = (OperationsTitle().Count(d.Body) * 100) + (OtherTitle().Count(d.Body) * 20) + Math.Min(ResultsWords().Count(d.Body), 50);
            if (score > bestScore)
            {
                best = d;
                bestScore = score;
            }
        }

        return best;
    }

    private static string DocumentName(SubmissionDocument d) => d.FileName is string f ? $"{d.Type} ({f})" : d.Type;

    private static string Render(SubmissionDocument d) => d.IsHtml ? HtmlText.Render(d.Body) : SubmissionReader.StripLayoutTags(d.Body);
}
