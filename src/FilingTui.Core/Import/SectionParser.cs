using System.Text;
using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Import;

/// <summary>
/// The release's prose as headed sections, each classified (business update, results, quote, about, ...).
/// Sub-headings such as product names inherit the kind of the section they sit in; boilerplate paragraphs
/// (forward-looking statements, contacts) are split off wherever they appear.
/// </summary>
public static partial class SectionParser
{
    private sealed record Paragraph(string Text, int Line, bool Bullet, bool SingleLine);

    [GeneratedRegex(@"^\s*(?:(?:[-–—•·▪◦*o]|[0-9]{1,2}[.)])\s+)+(?=\S)")]
    private static partial Regex BulletPrefix();

    private static bool IsSubtitle(string t) => t.StartsWith('-') && t.TrimEnd().EndsWith('-');

    [GeneratedRegex(@"(?:Inc|Corp|Co|Ltd|L\.P|N\.V|S\.A|plc|LLC)\.$")]
    private static partial Regex AbbreviationEnd();

    [GeneratedRegex(@"this (?:press )?release (?:includes|contains|may contain)\s+forward-looking|^forward[- ]looking statements|safe harbor|private securities litigation reform act", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardLooking();

    [GeneratedRegex(@"^(?:contacts?|investor contacts?|media contacts?|for (?:investors|media|further information)|source|investor relations)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex ContactsStart();

    [GeneratedRegex(@"[""“][^""”]{40,}[""”]|\b(?:commented|said|stated|added|noted)\b[,:]?\s*[""“]", RegexOptions.IgnoreCase)]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"^(?<who>[A-Z][^""“]{3,120}?),?\s+(?:commented|said|stated|added|noted)\b|[""”],?\s+(?:said|commented|stated|added|noted)\s+(?<who2>[A-Z][^.""]{3,120})")]
    private static partial Regex Speaker();

    public static SectionKind? Classify(string heading)
    {
        var h = heading.Trim().ToLowerInvariant();
        if (h.StartsWith("about ", StringComparison.Ordinal))
        {
            return SectionKind.About;
        }

        if (ContactsStart().IsMatch(h) && h.Length < 40)
        {
            return SectionKind.Contacts;
        }

        if (WebcastHeading().IsMatch(h))
        {
            return SectionKind.Webcast;
        }

        if (ForwardLookingHeading().IsMatch(h))
        {
            return SectionKind.ForwardLooking;
        }

        if (GuidanceHeading().IsMatch(h))
        {
            return SectionKind.Guidance;
        }

        if (FinancialResultsHeading().IsMatch(h))
        {
            return SectionKind.FinancialResults;
        }

        if (BusinessUpdateHeading().IsMatch(h))
        {
            return SectionKind.BusinessUpdate;
        }

        return null;
    }

    public static List<Section> Parse(List<TextLine> lines, Layout layout, IReadOnlySet<int> consumed, string? dateline)
    {
        var sections = new List<Section>();
        if (layout.CoverEnd >= 0)
        {
            var cover = Paragraphs(lines, 0, layout.CoverEnd + 1, consumed);
            sections.Add(new Section("Form 8-K", SectionKind.Cover, Join(cover), lines[0].Number));
        }

        var titleIndex = Math.Max(layout.TitleIndex, layout.CoverEnd + 1);
        var pre = Paragraphs(lines, layout.CoverEnd + 1, titleIndex, consumed);
        if (pre.Count > 0)
        {
            var contacts = pre.Where(p => !WebcastText().IsMatch(p.Text) && !ForImmediateRelease().IsMatch(p.Text)).ToList();
            var webcast = pre.Where(p => WebcastText().IsMatch(p.Text)).ToList();
            if (contacts.Count > 0)
            {
                sections.Add(new Section("Contacts", SectionKind.Contacts, Join(contacts), contacts[0].Line));
            }

            if (webcast.Count > 0)
            {
                sections.Add(new Section("Webcast", SectionKind.Webcast, Join(webcast), webcast[0].Line));
            }
        }

        if (titleIndex >= lines.Count)
        {
            return sections;
        }

        var body = Paragraphs(lines, titleIndex, lines.Count, consumed);
        if (body.Count == 0)
        {
            return sections;
        }

        var heading = body[0].Text;
        var headingLine = body[0].Line;
        var kind = SectionKind.FinancialResults;
        var lastHeadedKind = SectionKind.FinancialResults;
        var text = new List<Paragraph>();

        void Flush()
        {
            if (text.Count > 0 || kind != SectionKind.FinancialResults)
            {
                sections.Add(new Section(heading, kind, Join(text), headingLine));
            }

            text = [];
        }

        for (var i = 1; i < body.Count; i++)
        {
            var p = body[i];
            if (dateline is not null && p.Text.StartsWith(dateline, StringComparison.Ordinal) && p.Text.Length == dateline.Length)
            {
                text.Add(p);
                continue;
            }

            var next = i + 1 < body.Count ? body[i + 1] : null;
            if (IsHeading(p, next))
            {
                Flush();
                heading = p.Text.TrimEnd(':').Trim();
                headingLine = p.Line;
                kind = Classify(p.Text) ?? (lastHeadedKind is SectionKind.BusinessUpdate or SectionKind.About or SectionKind.Contacts or SectionKind.Guidance ? lastHeadedKind : SectionKind.BusinessUpdate);
                lastHeadedKind = kind;
                continue;
            }

            // Boilerplate and quotes are split off wherever they sit.
            if (ForwardLooking().IsMatch(p.Text) && kind != SectionKind.ForwardLooking)
            {
                Flush();
                heading = "Forward-looking statements";
                headingLine = p.Line;
                kind = SectionKind.ForwardLooking;
            }
            else if (ContactsStart().IsMatch(p.Text) && kind != SectionKind.Contacts && p.Text.Length < 200)
            {
                Flush();
                heading = "Contacts";
                headingLine = p.Line;
                kind = SectionKind.Contacts;
            }
            else if (kind is SectionKind.FinancialResults && QuotePattern().IsMatch(p.Text) && !p.Bullet)
            {
                var (h, hl, k) = (heading, headingLine, kind);
                Flush();
                var who = Speaker().Match(p.Text);
                var name = who.Success ? (who.Groups["who"].Success ? who.Groups["who"].Value : who.Groups["who2"].Value).Trim() : "Comment";
                sections.Add(new Section(name.Length > 80 ? name[..80] : name, SectionKind.Quote, p.Text, p.Line));
                (heading, headingLine, kind) = (h, hl, k);
                continue;
            }

            text.Add(p);
        }

        Flush();
        return sections;
    }

    private static bool IsHeading(Paragraph p, Paragraph? next)
    {
        var t = p.Text;
        if (p.Bullet || !p.SingleLine || t.Length > 100 || t.Length < 3 || next is null || t.Contains('\t'))
        {
            return false;
        }

        if (!char.IsLetterOrDigit(t[0]) || (!char.IsUpper(t[0]) && !char.IsDigit(t[0]) && !(t.Length > 1 && char.IsUpper(t[1]))))
        {
            return false;
        }

        var last = t[^1];
        if ((last is '.' or '!' or '?' or ',' or ';' or '"' or '”' && !AbbreviationEnd().IsMatch(t)) || t.EndsWith("--", StringComparison.Ordinal) || t.EndsWith('-'))
        {
            return false;
        }

        return t.Any(char.IsLetter) && !OnlyFigures().IsMatch(t);
    }

    private static string Join(IEnumerable<Paragraph> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(p => p.Bullet ? "• " + p.Text : p.Text));

    /// <summary>
    /// Blank-separated paragraphs; each bullet is its own paragraph. A paragraph cut by a page break (it ends
    /// mid-sentence and is long) is joined with the one after it.
    /// </summary>
    private static List<Paragraph> Paragraphs(List<TextLine> lines, int from, int to, IReadOnlySet<int> consumed)
    {
        var result = new List<Paragraph>();
        var current = new StringBuilder();
        var start = -1;
        var count = 0;
        var lastLength = 0;

        void End()
        {
            if (current.Length > 0)
            {
                result.Add(new Paragraph(current.ToString().Trim(), start, false, count == 1));
            }

            current.Clear();
            count = 0;
        }

        for (var i = from; i < to && i < lines.Count; i++)
        {
            if (consumed.Contains(i) || lines[i].IsBlank)
            {
                End();
                continue;
            }

            var t = Whitespace.Collapse(lines[i].Text.Trim());
            var bullet = BulletPrefix().Match(t);
            if (bullet.Success && t.Length > bullet.Length + 2 && !IsSubtitle(t))
            {
                End();
                result.Add(new Paragraph(t[bullet.Length..].Trim(), lines[i].Number, true, true));
                continue;
            }

            if (current.Length == 0)
            {
                start = lines[i].Number;
            }
            else
            {
                current.Append(lastLength < 60 ? "\n" : " ");
            }

            current.Append(t);
            lastLength = t.Length;
            count++;
        }

        End();

        // Re-join paragraphs split by a page break or a stray blank line inside a sentence.
        for (var i = result.Count - 2; i >= 0; i--)
        {
            var a = result[i];
            var b = result[i + 1];
            var cut = a.Text.Length > 150 && !EndsASentence().IsMatch(a.Text) && !b.Bullet;
            if (cut)
            {
                result[i] = a with { Text = a.Text + " " + b.Text, SingleLine = false };
                result.RemoveAt(i + 1);
            }
        }

        return result;
    }

    [GeneratedRegex(@"webcast|conference call|earnings call")]
    private static partial Regex WebcastHeading();

    [GeneratedRegex(@"forward[- ]looking|safe harbor")]
    private static partial Regex ForwardLookingHeading();

    [GeneratedRegex(@"guidance|outlook|expectations for")]
    private static partial Regex GuidanceHeading();

    [GeneratedRegex(@"financial (results|highlights|summary|review)|results of operations|^financials?\b|^(first|second|third|fourth)[- ]quarter (results|financial)|quarter(ly)? results|non-gaap")]
    private static partial Regex FinancialResultsHeading();

    [GeneratedRegex(@"update|highlights|program|pipeline|business|clinical|product|collaborat|partner|development|operations|regulatory|commercial|milestone|recent|corporate")]
    private static partial Regex BusinessUpdateHeading();

    [GeneratedRegex(@"webcast|conference call", RegexOptions.IgnoreCase)]
    private static partial Regex WebcastText();

    [GeneratedRegex(@"^for immediate release$", RegexOptions.IgnoreCase)]
    private static partial Regex ForImmediateRelease();

    [GeneratedRegex(@"^[0-9][0-9\s.,-]*$")]
    private static partial Regex OnlyFigures();

    [GeneratedRegex(@"[.!?:""”)]\s*$")]
    private static partial Regex EndsASentence();
}
