using System.Text.RegularExpressions;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// Reads an EDGAR full submission: the SEC header (the "KEY: value" form of .txt submissions, possibly inside a
/// PRIVACY-ENHANCED MESSAGE wrapper, or the tagged form of .nc files) and the &lt;DOCUMENT&gt; parts. Binary parts
/// (uuencoded images, PDFs, XBRL archives) are recognised from their type, name or first line and never decoded.
/// </summary>
public static partial class SubmissionReader
{
    [GeneratedRegex(@"^\s*(?<k>[A-Z][A-Z0-9 &'()./-]*?)\s*:\s*(?<v>.*?)\s*$")]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"^<(?<t>[A-Z][A-Z0-9-]*)>(?<v>[^<]*)$")]
    private static partial Regex TaggedField();

    [GeneratedRegex(@"^begin [0-7]{3,4} \S", RegexOptions.Multiline)]
    private static partial Regex UuencodeStart();

    [GeneratedRegex(@"</?(?:PAGE|TABLE|CAPTION|S|C|FN|F[0-9]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex LayoutTag();

    private static readonly string[] BinaryTypes = ["GRAPHIC", "ZIP", "EXCEL", "PDF", "XML", "JSON", "EX-101", "EX-102", "EX-103", "COVER"];

    private static readonly string[] BinaryExtensions = [".jpg", ".jpeg", ".gif", ".png", ".bmp", ".pdf", ".zip", ".xlsx", ".xls", ".xml", ".xsd", ".json", ".js", ".css"];

    /// <summary>Tag names of the .nc header form that differ from the .txt header's field names.</summary>
    private static readonly Dictionary<string, string> TagNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TYPE"] = "CONFORMED SUBMISSION TYPE",
        ["PERIOD"] = "CONFORMED PERIOD OF REPORT",
        ["FILING-DATE"] = "FILED AS OF DATE",
        ["ITEMS"] = "ITEM INFORMATION",
        ["CONFORMED-NAME"] = "COMPANY CONFORMED NAME",
        ["CIK"] = "CENTRAL INDEX KEY",
        ["FILE-NUMBER"] = "SEC FILE NUMBER",
        ["STREET1"] = "STREET 1",
        ["STREET2"] = "STREET 2",
        ["PHONE"] = "BUSINESS PHONE",
        ["ASSIGNED-SIC"] = "STANDARD INDUSTRIAL CLASSIFICATION",
    };

    /// <summary>Tags only a submission's header has, found in one pass rather than three case-blind searches of the head.</summary>
    private static readonly System.Buffers.SearchValues<string> HeaderTags = System.Buffers.SearchValues.Create(["<SEC-HEADER>", "<IMS-HEADER>", "<SEC-DOCUMENT>"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A submission starts with its header (after an optional PEM preamble) or straight with a document.</summary>
    public static bool IsSubmission(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        return head.IndexOfAny(HeaderTags) >= 0
            || head.TrimStart().StartsWith("<SUBMISSION>", StringComparison.OrdinalIgnoreCase)
            || head.TrimStart().StartsWith("<DOCUMENT>", StringComparison.OrdinalIgnoreCase);
    }

    public static Submission Read(string text)
    {
        var submission = new Submission();
        var firstDocument = text.IndexOf("<DOCUMENT>", StringComparison.OrdinalIgnoreCase);
        var header = firstDocument < 0 ? text : text[..firstDocument];
        if (header.Contains("<SUBMISSION>", StringComparison.OrdinalIgnoreCase) && !header.Contains("<SEC-HEADER>", StringComparison.OrdinalIgnoreCase))
        {
            ReadTaggedHeader(header, submission);
        }
        else
        {
            ReadHeader(header, submission);
        }

        var pem = text.AsSpan(0, Math.Min(text.Length, 200)).TrimStart().StartsWith("-----BEGIN PRIVACY-ENHANCED MESSAGE-----", StringComparison.Ordinal);
        var at = firstDocument;
        var end = -1;
        var noMoreEnds = false;
        while (at >= 0)
        {
            // The next closing tag is found once and kept until passed: searched afresh for each of thousands of
            // unclosed documents, it would scan the rest of the file each time.
            if (!noMoreEnds && end < at)
            {
                end = text.IndexOf("</DOCUMENT>", at, StringComparison.OrdinalIgnoreCase);
                noMoreEnds = end < 0;
            }

            var next = text.IndexOf("<DOCUMENT>", at + 10, StringComparison.OrdinalIgnoreCase);

            // A truncated submission ends inside a document: take what is there.
            var stop = end >= 0 && (next < 0 || end < next) ? end : next >= 0 ? next : text.Length;
            var document = ReadDocument(text, at + 10, stop, pem);
            submission.Documents.Add(document);
            if (next < 0 && end < 0)
            {
                submission.CutOff = document;
            }

            at = next;
        }

        return submission;
    }

    /// <summary>"KEY:\tvalue" lines; a key with no value opens a block ("BUSINESS ADDRESS:") for the deeper-indented lines below it.</summary>
    private static void ReadHeader(string header, Submission submission)
    {
        var blocks = new List<(int Indent, string Name)>();
        foreach (var raw in header.Split('\n'))
        {
            if (raw.StartsWith('<') || raw.StartsWith("-----", StringComparison.Ordinal))
            {
                continue;
            }

            var m = HeaderField().Match(raw);
            if (!m.Success)
            {
                continue;
            }

            var indent = raw.Length - raw.TrimStart().Length;
            blocks.RemoveAll(b => b.Indent >= indent);
            var key = m.Groups["k"].Value;
            var value = m.Groups["v"].Value;
            if (value.Length == 0)
            {
                if (key != "ITEM INFORMATION")
                {
                    blocks.Add((indent, key));
                }

                continue;
            }

            Add(submission, key, value);
            if (blocks.Count > 0)
            {
                Add(submission, $"{blocks[^1].Name}/{key}", value);
            }
        }
    }

    /// <summary>The .nc form: "&lt;CIK&gt;0000320193" fields, "&lt;BUSINESS-ADDRESS&gt;" ... "&lt;/BUSINESS-ADDRESS&gt;" blocks.</summary>
    private static void ReadTaggedHeader(string header, Submission submission)
    {
        var blocks = new Stack<string>();
        foreach (var raw in header.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("</", StringComparison.Ordinal))
            {
                if (blocks.Count > 0)
                {
                    blocks.Pop();
                }

                continue;
            }

            var m = TaggedField().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var tag = m.Groups["t"].Value;
            var value = m.Groups["v"].Value.Trim();
            var key = TagNames.TryGetValue(tag, out var known) ? known : tag.Replace('-', ' ');
            if (value.Length == 0)
            {
                blocks.Push(key);
                continue;
            }

            Add(submission, key, value);
            if (blocks.Count > 0)
            {
                Add(submission, $"{blocks.Peek()}/{key}", value);
            }
        }
    }

    private static void Add(Submission submission, string key, string value)
    {
        if (!submission.Header.TryGetValue(key, out var list))
        {
            submission.Header[key] = list = [];
        }

        list.Add(value);
    }

    private static SubmissionDocument ReadDocument(string text, int start, int stop, bool pem)
    {
        string type = "", fileName = "", description = "";
        int? sequence = null;
        var textStart = text.IndexOf("<TEXT>", start, stop - start, StringComparison.OrdinalIgnoreCase);
        var tagsEnd = textStart >= 0 ? textStart : stop;
        foreach (var raw in text[start..tagsEnd].Split('\n'))
        {
            var m = TaggedField().Match(raw.Trim());
            if (!m.Success)
            {
                continue;
            }

            var value = m.Groups["v"].Value.Trim();
            switch (m.Groups["t"].Value.ToUpperInvariant())
            {
                case "TYPE":
                    type = value;
                    break;
                case "SEQUENCE":
                    sequence = int.TryParse(value, out var s) ? s : null;
                    break;
                case "FILENAME":
                    fileName = value;
                    break;
                case "DESCRIPTION":
                    description = value;
                    break;
            }
        }

        if (textStart < 0)
        {
            return new SubmissionDocument(type, sequence, NullIfEmpty(fileName), NullIfEmpty(description), "", false);
        }

        var bodyStart = textStart + 6;
        var bodyEnd = text.LastIndexOf("</TEXT>", stop, stop - bodyStart, StringComparison.OrdinalIgnoreCase);
        if (bodyEnd < 0)
        {
            bodyEnd = stop;
        }

        var preview = text.AsSpan(bodyStart, Math.Min(512, bodyEnd - bodyStart));
        if (IsBinary(type, fileName, preview))
        {
            return new SubmissionDocument(type, sequence, NullIfEmpty(fileName), NullIfEmpty(description), "", true);
        }

        var body = text[bodyStart..bodyEnd];
        if (pem)
        {
            // Privacy-enhanced messages escape every line that starts with "-" as "- -".
            body = body.Replace("\n- -", "\n-", StringComparison.Ordinal);
        }

        body = StripWrapper(body, "XBRL");
        body = StripWrapper(body, "XML");
        return new SubmissionDocument(type, sequence, NullIfEmpty(fileName), NullIfEmpty(description), body, false);
    }

    private static bool IsBinary(string type, string fileName, ReadOnlySpan<char> preview)
    {
        if (BinaryTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (BinaryExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var p = preview.TrimStart();
        return p.StartsWith("<PDF>", StringComparison.OrdinalIgnoreCase) || UuencodeStart().IsMatch(p);
    }

    private static string StripWrapper(string body, string tag)
    {
        var t = body.AsSpan().TrimStart();
        if (!t.StartsWith($"<{tag}>", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var open = body.IndexOf($"<{tag}>", StringComparison.OrdinalIgnoreCase) + tag.Length + 2;
        var close = body.LastIndexOf($"</{tag}>", StringComparison.OrdinalIgnoreCase);
        return close > open ? body[open..close] : body[open..];
    }

    /// <summary>Plain-text documents carry SGML layout tags (&lt;PAGE&gt;, &lt;S&gt; &lt;C&gt;); blanking them keeps the columns aligned.</summary>
    public static string StripLayoutTags(string body) => LayoutTag().Replace(body, m => new string(' ', m.Length));

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
