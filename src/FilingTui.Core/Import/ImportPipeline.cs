using FilingTui.Core.Formats;
using FilingTui.Core.Import.Edgar;
using FilingTui.Core.Model;
using FilingTui.Core.Periods;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Import;

/// <summary>The outcome of parsing one file: a filing, or the reason the bytes are not a filing at all.</summary>
public sealed record ParseResult(Filing? Filing, string Sha256, string? Error, string? Encoding)
{
    public bool Ok => Filing is not null;

    /// <summary>
    /// Why the text, though readable, is no filing: it has no 8-K cover, no EDGAR header, no release title or
    /// dateline and no statement (a folder's README or notes). Null for a filing. An import skips such a file and says so.
    /// </summary>
    public string? NotAFiling => Filing is { } f && f.Form is null && f.AccessionNumber is null && f.FiledDate is null && f.Release?.Date is null
        && f.ReportDate is null && f.Statements.Count == 0 && !CoverParser.IsResultsTitle(f.Release?.Title)
        ? "it is no filing: no 8-K cover, EDGAR header, release title or dateline, or financial statement was found"
        : null;
}

/// <summary>
/// The import pipeline: decode, normalize, segment, extract tables, resolve, check, place in the fiscal calendar.
/// Pure: bytes in, a filing and its diagnostics out; bad input becomes diagnostics or an error, never an exception.
/// </summary>
public static class ImportPipeline
{
    /// <summary>Bumped whenever parsing changes, so stores can re-parse what an older parser produced.</summary>
    public const int ParserVersion = 5;

    /// <summary>
    /// The largest file parsed as a filing. A release with its exhibits is a few megabytes; parsing holds several
    /// copies of the text and its lines at once, so a file far larger is refused by its size rather than parsed.
    /// </summary>
    public const long MaxSourceBytes = 64L * 1024 * 1024;

    /// <summary>The sentence a file over <see cref="MaxSourceBytes"/> is refused with.</summary>
    public static string TooLarge(long bytes) =>
        $"it is {bytes / (1024.0 * 1024):N0} MB, over the {MaxSourceBytes / (1024 * 1024)} MB a filing can be; it was not parsed";

    public static ParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxSourceBytes)
        {
            return new ParseResult(null, SourceDecoder.Sha256Hex(bytes), TooLarge(bytes.Length), null);
        }

        var decoded = SourceDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return new ParseResult(null, decoded.Sha256, decoded.Error, decoded.Encoding);
        }

        var filing = ParseDecoded(decoded.Text, decoded.Encoding);
        if (decoded.Replaced > 0)
        {
            filing.Diagnostics.Insert(0, new Diagnostic(Severity.Info, "control-characters", $"{decoded.Replaced:N0} control character{(decoded.Replaced == 1 ? "" : "s")} in the file (NUL, escape sequences, bells) are shown as visible symbols such as ␀ and ␛, so they cannot act on a terminal"));
        }

        return new ParseResult(filing, decoded.Sha256, null, decoded.Encoding);
    }

    /// <summary>
    /// Parses text already decoded (a new file, or a stored filing's source on re-parse). A parser defect must not
    /// cost the user the filing: it becomes an error diagnostic and the text is kept.
    /// </summary>
    public static Filing ParseDecoded(string text, string? encoding)
    {
        Filing filing;
        try
        {
            filing = ParseText(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            filing = new Filing { Text = text };
            filing.Diagnostics.Add(new Diagnostic(Severity.Error, "parser-error", $"the parser failed on this file ({ex.GetType().Name}: {ex.Message}); its text is kept and can be re-parsed by a later version"));
        }

        if (encoding == "windows-1252")
        {
            filing.Diagnostics.Insert(0, new Diagnostic(Severity.Info, "encoding", "the file is not valid UTF-8; it was read as Windows-1252"));
        }

        DiagnosticCap.Apply(filing.Diagnostics);
        return filing;
    }

    public static Filing ParseText(string source)
    {
        var filing = new Filing();
        var diagnostics = filing.Diagnostics;
        var document = SourceFormats.Read(source, diagnostics);

        // A format decodes what the decoder could not see ("&#x1b;" in HTML, "\u001b" in a Markdown entity), so
        // what it gives is cleaned of control characters again.
        var text = SourceDecoder.CleanControls(document.Render(), out var decoded);
        if (decoded > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "control-characters", $"{decoded:N0} control character{(decoded == 1 ? "" : "s")} written as character references in the file are shown as visible symbols such as ␛, so they cannot act on a terminal"));
        }

        document = document with { Title = Clean(document.Title), Date = Clean(document.Date) };
        filing.Text = text;
        // Compared by content: every format renders a new string, and plain text renders to what it read.
        filing.Source = string.Equals(text, source, StringComparison.Ordinal) ? null : source;
        var lines = Normalizer.Normalize(text, diagnostics);
        var layout = CoverParser.FindLayout(lines, document.CoverLines, document.HasRelease);
        if (document.Submission is Submission header)
        {
            SubmissionCover.Apply(header, filing);
        }

        CoverParser.Parse(lines, layout, filing);
        CoverParser.ApplyMetadata(filing, document.Title, document.Date);

        var tables = TableExtractor.Find(lines, Math.Max(layout.TitleIndex, layout.CoverEnd + 1), out var regionStart);
        var strays = tables.SelectMany(t => t.Body).Where(b => b.Kind == LineKind.LabelOnly && StatementBuilder.TotalWord().IsMatch(b.Label)).Select(b => b.Label).ToList();
        var quarter = TitlePeriod.Parse(filing.Release?.Title)?.Quarter;
        var yearEnd = filing.Company.FiscalYearEndMonth ?? (filing.Period is { } known && quarter is int q ? FiscalCalendar.YearEndFromQuarter(known.End, q) : null);
        var release = new ReleasePeriod(filing.Period?.End, quarter, yearEnd);
        foreach (var table in tables)
        {
            if (StatementBuilder.Build(table, strays, diagnostics, release) is Statement s && s.Rows.Count > 0)
            {
                filing.Statements.Add(s);
            }
        }

        SummaryStatements.Demote(filing.Statements, diagnostics);

        var consumed = new HashSet<int>();
        if (regionStart >= 0 && tables.Count > 0)
        {
            var start = regionStart;
            while (start > 0 && (lines[start - 1].IsBlank || IsLetterhead(lines[start - 1].Trimmed)))
            {
                start--;
            }

            var end = tables.Max(t => t.EndIndex);
            for (var i = start; i <= end; i++)
            {
                consumed.Add(i);
            }
        }

        filing.Sections.AddRange(SectionParser.Parse(lines, layout, consumed, filing.Release?.Dateline));
        filing.Contacts.AddRange(ContactParser.Parse(filing.Sections));
        if (document.Submission is Submission submission)
        {
            SubmissionCover.Complete(submission, filing);
        }

        ReleasePeriodPass.Apply(filing);
        FiscalCalendar.Apply(filing);
        Reconciler.Check(filing);
        NarrativeCheck.Check(filing);
        if (!filing.Statements.Any(s => s.Kind == StatementKind.Operations))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "no-operations", filing.Statements.Count == 0
                ? "no statement of operations was found (no financial statement tables at all); the filing's text is kept"
                : "no statement of operations was found"));
        }

        return filing;
    }

    private static string? Clean(string? s) => s is null ? null : SourceDecoder.CleanControls(s, out _);

    /// <summary>"IMMUNOGEN, INC.": a company name printed above the financial tables.</summary>
    private static bool IsLetterhead(string line) =>
        line.Length is > 0 and < 60 && line.Any(char.IsLetter) && line.Where(char.IsLetter).All(char.IsUpper);
}
