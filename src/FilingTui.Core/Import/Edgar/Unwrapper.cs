using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// What the pipeline reads after unwrapping: plain text, plus the submission it came from, if any. For a submission,
/// <see cref="CoverLines"/> is the number of lines of its form document (the cover) and <see cref="HasRelease"/>
/// says whether an exhibit carried a release.
/// </summary>
public sealed record Unwrapped(string Text, string Format, Submission? Submission, int? CoverLines = null, bool HasRelease = true);

/// <summary>
/// The unwrap pass: an EDGAR submission becomes the text of its form document followed by the exhibit that holds the
/// results; an HTML file becomes text blocks and table rows; plain text passes through.
/// </summary>
public static partial class Unwrapper
{
    [GeneratedRegex(@"\b(?:STATEMENTS?\s+OF\s+(?:CONSOLIDATED\s+)?(?:OPERATIONS|INCOME|EARNINGS|LOSS)|INCOME\s+STATEMENTS?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OperationsTitle();

    [GeneratedRegex(@"\b(?:BALANCE\s+SHEETS?|CASH\s+FLOWS?|FINANCIAL\s+POSITION)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherTitle();

    [GeneratedRegex(@"\b(?:net\s+(?:income|loss|earnings|sales|revenues?)|total\s+revenues?|per\s+(?:diluted\s+)?share|quarter|results)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultsWords();

    public static Unwrapped Unwrap(string text, List<Diagnostic> diagnostics)
    {
        if (SubmissionReader.IsSubmission(text))
        {
            var submission = SubmissionReader.Read(text);
            return FromSubmission(submission, diagnostics);
        }

        if (HtmlText.LooksLikeHtml(text))
        {
            return new Unwrapped(HtmlText.Render(text), "html", null);
        }

        return new Unwrapped(text, "text", null);
    }

    private static Unwrapped FromSubmission(Submission submission, List<Diagnostic> diagnostics)
    {
        var type = submission["CONFORMED SUBMISSION TYPE"] ?? "";
        if (submission.CutOff is SubmissionDocument cut)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "truncated", $"the file is cut short: it ends inside {Name(cut)} with no </DOCUMENT> after it, so what follows in the original is missing; what is there was read"));
        }

        var readable = submission.Documents.Where(d => !d.IsBinary && d.Body.Length > 0).ToList();
        var main = readable.FirstOrDefault(d => type.Length > 0 && d.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            ?? readable.FirstOrDefault(d => !d.Type.StartsWith("EX-", StringComparison.OrdinalIgnoreCase));
        var release = PickRelease(readable);
        var used = new[] { main, release }.OfType<SubmissionDocument>().Distinct().ToList();
        if (used.Count == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "submission", $"the submission holds no readable document ({submission.Documents.Count} documents, all binary or empty)"));
            return new Unwrapped("", "edgar-submission", submission, 0, false);
        }

        var skipped = submission.Documents.Except(used).ToList();
        var binary = skipped.Count(d => d.IsBinary);
        var others = skipped.Where(d => !d.IsBinary).Select(Name).ToList();
        var note = $"EDGAR submission: read {string.Join(" and ", used.Select(Name))}";
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
        return new Unwrapped(string.Join("\n\n", texts), "edgar-submission", submission, coverLines, release is not null);
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

    private static string Name(SubmissionDocument d) => d.FileName is string f ? $"{d.Type} ({f})" : d.Type;

    private static string Render(SubmissionDocument d) => d.IsHtml ? HtmlText.Render(d.Body) : SubmissionReader.StripLayoutTags(d.Body);
}
